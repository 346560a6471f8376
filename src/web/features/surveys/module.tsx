/** Web module `surveys`: satisfaction surveys, SIPAS indices, the province's indices, and the portal's survey form. */
import { IconMoodSmile } from '@tabler/icons-react';
import { defineWebModule, pageOf } from '../../module';

const I = { size: 18, stroke: 1.6 };

export const surveysWebModule = defineWebModule({
  name: 'surveys',
  // A public survey page has the portal's header.
  uses: ['portal'],
  routes: [
    { path: '/surveys', load: pageOf(() => import('./SurveysPage'), 'SurveysPage') },
    { path: '/surveys/new', load: pageOf(() => import('./SurveyBuilder'), 'NewSurveyPage') },
    { path: '/surveys/$id', load: pageOf(() => import('./SurveyPage'), 'SurveyPage') },
    { path: '/surveys/$id/edit', load: pageOf(() => import('./SurveyBuilder'), 'EditSurveyPage') },
    { path: '/portal/$agency/surveys/$code', load: pageOf(() => import('./PublicSurveyPage'), 'PublicSurveyPage'), public: true },
  ],
  nav: [{ pillar: 'benefit', key: 'nav.surveys', to: '/surveys', icon: <IconMoodSmile {...I} />, order: 10, activeFor: /^\/surveys\// }],
  messages: { vi: async () => (await import('./i18n')).vi, en: async () => (await import('./i18n.en')).en },
});
