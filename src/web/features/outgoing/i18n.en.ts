/** English UI text of the `outgoing` web module: the same keys as `i18n.ts`, loaded only when English is chosen. */
import type { vi } from './i18n';

export const en: typeof vi = {
  outgoing: {
    title: 'Register of outgoing documents',
    subtitle:
      'The clerical office gives outgoing documents their number and symbol: one sequence per document type and year, starting at 01 on 1 January (Decree 30/2020/NĐ-CP Art. 15).',
    year: 'Year',
    type: 'Document type',
    allTypes: 'All types',
    numberSymbol: 'Number and symbol',
    issuedOn: 'Date',
    summary: 'Type and summary',
    signer: 'Signed by',
    recipients: 'Recipients',
    draftingUnit: 'Drafting unit (file copy)',
    issuedBy: 'Numbered by',
    source: 'Source',
    source_plan: 'Plan in the system',
    source_agency_report: 'Consolidated report',
    manual: 'Registered directly',
    issue: 'Number a document',
    issueHint: 'The number follows the last one given to this document type in the year of its date.',
    issued: 'Numbered {{symbol}}',
    export: 'Export register (.xlsx)',
    lastNumbers: 'Last numbers given',
    empty: 'No document has been numbered in this year yet.',
    issuerCode: 'Agency code in symbols',
    issuerCodeHint: 'e.g. SKHCN in "05/KH-SKHCN"',
    saveCode: 'Save code',
    count: '{{count}} documents',
  },
  audit: {
    type_outgoing_document: 'Outgoing register',
    type_outgoing_register: 'Outgoing register',
    type_outgoing_settings: 'Agency code in document symbols',
    verb_issue: 'numbered',
    verb_number: 'numbered',
  },
};
