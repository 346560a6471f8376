/** The `notifications` module: each person's in-app notifications (the platform's `notify` writes them). */
import { defineModule } from '../../platform/module';
import { notificationRoutes } from './routes';

export const notificationsModule = defineModule({
  name: 'notifications',
  routes: notificationRoutes,
});
