import { formatPolicy, inlineHash, pagePolicy, parsePolicy, type Policy } from '../core/content-security-policy.ts';
import type { Element } from 'hast';


/**
 * The policy of the kit's own pages (START-HERE.html, neutral.html): the site's policy, with
 * no script at all and the page's one inline style allowed by its hash.
 */
export function kitPagePolicy(inlineStyle: string): string {
  return pagePolicy(["'none'"], ["'self'", inlineHash(inlineStyle)]);
}

/** Adds a source to a directive; a missing directive starts from `default-src`, as browsers fall back to it. */
export function allowSource(policy: Policy, name: string, source: string): void {
  let directive = policy.find(([n]) => n === name);
  if (!directive) {
    const fallback = policy.find(([n]) => n === 'default-src')?.[1] ?? [];
    directive = [name, fallback.filter((s) => s !== "'none'")];
    policy.push(directive);
  }
  if (directive[1].includes("'none'")) directive[1] = directive[1].filter((s) => s !== "'none'");
  if (!directive[1].includes(source)) directive[1].push(source);
}

/** Removes a source from a directive, if it is there. */
export function dropSource(policy: Policy, name: string, source: string): void {
  const directive = policy.find(([n]) => n === name);
  if (directive) directive[1] = directive[1].filter((s) => s !== source);
}

/** Changes the policy of an element when it is a `<meta http-equiv="Content-Security-Policy">`. */
export function editPolicyOf(node: Element, edit: (policy: Policy) => void): void {
  if (node.tagName !== 'meta' || typeof node.properties.content !== 'string') return;
  const equiv = node.properties.httpEquiv;
  const names = (Array.isArray(equiv) ? equiv : [equiv]).map((v) => String(v ?? '').toLowerCase());
  if (!names.includes('content-security-policy')) return;
  const policy = parsePolicy(node.properties.content);
  edit(policy);
  node.properties.content = formatPolicy(policy);
}
