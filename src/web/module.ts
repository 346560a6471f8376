/**
 * The web side of a module (DESIGN.md "A module, whole"): its pages and routes, its entries in
 * the navigation (by pillar of the motto) and its UI text. Each `features/<m>/module.tsx` exports
 * one of these and `modules.ts` lists them; the router, the shell and i18n are built from the list.
 */
import type { ComponentType, ReactNode } from 'react';

/** The navigation groups: the six pillars of "Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng", then reports and administration. */
export const PILLARS = ['know', 'discuss', 'do', 'inspect', 'supervise', 'benefit', 'reports', 'admin'] as const;
export type Pillar = (typeof PILLARS)[number];

/** UI text: nested namespaces of strings (i18next resources). */
export type Messages = { [key: string]: string | Messages };

export type WebRoute = {
  /** A TanStack Router path, e.g. `/cases/$id`. */
  path: string;
  /** The page, loaded on first visit (keeps the first load small). */
  load: () => Promise<ComponentType>;
  /** Reachable without a session (the log-in page, the citizen portal). */
  public?: boolean;
  /**
   * The page imports the sheets of the Mantine components it shows itself and uses no dates:
   * it loads without `ui/page-setup.ts` (all of Mantine's other styles, dayjs). Only for the log-in
   * page, the first screen of most visits (issue #17: ≤ 200 kB gzip in all).
   */
  ownStyles?: boolean;
};

export type NavEntry = {
  pillar: Pillar;
  /** i18n key of the label; a planned entry with the same key (shown "sắp có") is replaced. */
  key: string;
  to: string;
  icon: ReactNode;
  /** Shown only to people with the capability (any of them, for a list). */
  capability?: string | string[];
  /** Position within the pillar (lower first). */
  order: number;
  /** Other paths that highlight this entry (a case page highlights "Đơn thư"). */
  activeFor?: RegExp;
};

export type WebModule = {
  name: string;
  routes: WebRoute[];
  nav?: NavEntry[];
  /**
   * The module's namespaces of UI text, one language at a time (same keys in both): loaded with
   * its pages, never in the first page (issue #17). A page waits for them before it shows.
   */
  messages: { vi: () => Promise<Messages>; en: () => Promise<Messages> };
  /**
   * The few texts the shell shows before any page of the module has loaded (navigation labels,
   * search result types, the user menu): part of the first page, so keep them tiny.
   */
  shellMessages?: { vi: Messages; en: Messages };
  /** Other modules whose text the pages show as well (`'*'`: every module, e.g. the audit log). */
  uses?: readonly string[] | '*';
};

/** Identity function that types a web module. */
export function defineWebModule(m: WebModule): WebModule {
  return m;
}

/** Lazy-load one named export of a page file. */
export function pageOf<T extends Record<string, unknown>>(load: () => Promise<T>, name: keyof T): () => Promise<ComponentType> {
  return async () => (await load())[name] as ComponentType;
}
