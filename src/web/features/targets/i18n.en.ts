/** English UI text of the `targets` web module: the same keys as `i18n.ts`, loaded only when English is chosen. */
import type { vi } from './i18n';

export const en: typeof vi = {
  targets: {
    title: 'Dashboard targets',
    subtitle: "The dashboard's cards compare figures with the year's targets; the Office sets them each year, else the default applies.",
    year: 'Year',
    target: 'Target',
    defaultValue: 'Default: {{n}}',
    isDefault: 'the default applies',
    isSet: 'set for {{year}}',
    save: 'Save',
    reset: 'Back to the default',
    saved: 'Target saved',
    basis: 'Basis',
    pillar: {
      know: 'People know',
      discuss: 'People discuss',
      do: 'People do',
      inspect: 'People inspect',
      supervise: 'People supervise',
      benefit: 'People benefit',
    },
  },
  audit: { type_pillar_target: 'Dashboard target' },
};
