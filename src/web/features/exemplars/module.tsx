/** Web module `exemplars`: "Dân vận khéo" models (register, evaluate, recognise, replicate). */
import { IconAward } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';

export const exemplarsWebModule = defineWebModule({
  name: 'exemplars',
  routes: [
    { path: '/models', load: pageOf(() => import('./ModelsPage'), 'ModelsPage') },
    { path: '/models/$id', load: pageOf(() => import('./ModelPage'), 'ModelPage') },
  ],
  nav: [
    {
      pillar: 'do',
      key: 'nav.exemplars',
      to: '/models',
      icon: <IconAward size={18} stroke={1.6} />,
      capability: 'exemplars.read',
      order: 40,
      activeFor: /^\/models\//,
    },
  ],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
});
