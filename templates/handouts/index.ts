import type { ReactNode } from 'react';
import type { HandoutKind } from '../../src/core/model.ts';
import { conversationCards } from './conversation-cards.tsx';
import { signsChecklist } from './signs-checklist.tsx';
import { tipSheet } from './tip-sheet.tsx';
import type { PrintContext } from './parts/print-context.ts';

/** A handout template: the body of the handout, printed inside the shared header and footer. */
export type HandoutTemplate = (ctx: PrintContext) => ReactNode;

/** The kinds whose template has parts it can do without (see `PrintContext.optionalParts`): the checklist's notes area. */
export const withOptionalParts: ReadonlySet<HandoutKind> = new Set(['checklist']);

/** The template for each handout kind. */
export const handoutTemplates: Record<HandoutKind, HandoutTemplate> = {
  checklist: signsChecklist,
  tips: tipSheet,
  conversation: conversationCards,
};
