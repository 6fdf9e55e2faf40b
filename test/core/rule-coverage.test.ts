import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, type RuleId } from '../../src/core/diagnostics/catalogue.ts';
import { fixtures } from '../helpers/paths.ts';
import { kitchenCases } from '../pipeline/corpus/kitchen-cases.ts';
import { minimalCases } from '../pipeline/corpus/minimal-cases.ts';

/**
 * Rules no content can bring about, with the test that covers each instead. Keep this short:
 * a rule an author can trigger gets a fixture folder or a corpus case.
 */
const NOT_FROM_CONTENT: Partial<Record<RuleId, string>> = {
  'handout-untagged': 'a Kitpress limitation, not an author mistake (test/pdf/tagged-handouts.test.ts checks every handout claims PDF/UA)',
  'guide-untagged': 'the same limitation for the facilitator guide PDF',
  'handout-timeout': 'a render that hangs (test/pdf/worker-pool.test.ts runs a worker that never answers)',
};

/** Rules with a fixture test: a folder under test/fixtures/core or core-warnings, or a mutation corpus case. */
function rulesWithFixtures(): Set<string> {
  const folders = ['core', 'core-warnings'].flatMap((group) => readdirSync(join(fixtures, group)).filter((name) => existsSync(join(fixtures, group, name, 'expected-messages.txt'))));
  return new Set([...folders, ...kitchenCases.map((c) => c.rule), ...minimalCases.map((c) => c.rule)]);
}

describe('every rule of the catalogue', () => {
  it('has at least one fixture test', () => {
    const covered = rulesWithFixtures();
    const without = (Object.keys(catalogue) as RuleId[]).filter((rule) => !covered.has(rule) && !NOT_FROM_CONTENT[rule]);
    expect(without, `rules without a fixture test: add test/fixtures/core/<rule>/ (or core-warnings/) or a corpus case`).toEqual([]);
  });

  it('is not excused when it has a fixture after all', () => {
    const covered = rulesWithFixtures();
    expect(Object.keys(NOT_FROM_CONTENT).filter((rule) => covered.has(rule))).toEqual([]);
  });
});
