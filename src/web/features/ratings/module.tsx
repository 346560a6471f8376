/** Web module `ratings`: the year-end rating of dân vận work and commendations. */
import { IconStars } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';

export const ratingsWebModule = defineWebModule({
  name: 'ratings',
  routes: [
    { path: '/ratings', load: pageOf(() => import('./RatingsPage'), 'RatingsPage') },
    { path: '/ratings/criteria', load: pageOf(() => import('./CriteriaPage'), 'CriteriaPage') },
    { path: '/ratings/$year/$unitId', load: pageOf(() => import('./RatingSheetPage'), 'RatingSheetPage') },
  ],
  nav: [
    {
      pillar: 'benefit',
      key: 'nav.ratings',
      to: '/ratings',
      icon: <IconStars size={18} stroke={1.6} />,
      capability: 'ratings.read',
      order: 20,
      activeFor: /^\/ratings\//,
    },
  ],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
});
