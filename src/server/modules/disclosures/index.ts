/**
 * The `disclosures` module (issue #10, Công khai — "dân biết"): the register of what the head of
 * the agency must publish to the staff (Law 10/2022/QH15 Art. 46), publish-by on the agency
 * calendar (Art. 47(2)), the minimum posting period (Art. 48(1); Art. 13(2) at commune level),
 * the daily sweep that takes expired and superseded items off the board, read receipts, requests
 * for withdrawn items (Art. 48(4)), the notice-board sheet and the public list on the portal.
 */
import { sql } from 'drizzle-orm';
import { type ActorContext, dashboardPart, defineModule } from '../../platform/module';
import { documentLapsedSql } from '../plans';
import { seedDisclosuresDemo } from './demo';
import { disclosureDeadlines } from './deadlines';
import { DISCLOSURE_TARGETS, disclosurePillars } from './pillars';
import { DISCLOSURE_INDICATORS } from './indicators';
import { publishDisclosure, withdrawReplacedDisclosure } from './publish';
import { disclosureRoutes } from './routes';
import { isAddressed, mayDownloadSource, recomputePostedUntil, recomputePublishBy } from './service';
import { backfillSearchAllAgencies, SEARCH_BACKFILL_JOB, SWEEP_JOB, sweepAllAgencies, sweepDisclosures, withdrawCiting } from './sweep';
import * as tables from './tables';
import { disclosureItems, disclosureReceipts, disclosureRequests } from './tables';
import { can } from '../../platform/roles';

declare module '../../platform/roles' {
  interface Capabilities {
    /** See the items published to oneself. */
    'disclosures.read': true;
    /** See every item and who has read it: leadership, the union, the inspection board (Art. 56 supervision). */
    'disclosures.oversee': true;
    /** Register, post, withdraw, answer requests: the Office. */
    'disclosures.manage': true;
  }
}

export { publishDisclosure, sweepDisclosures, withdrawReplacedDisclosure };
export type { PublishDisclosureInput } from './publish';

const overseers = ['disclosures.read', 'disclosures.oversee'] as const;

export const disclosuresModule = defineModule({
  name: 'disclosures',
  tables,
  capabilities: {
    admin: overseers,
    // The Office publishes on behalf of the head (Art. 46).
    office: ['disclosures.read', 'disclosures.oversee', 'disclosures.manage'],
    leader: overseers,
    unit_head: ['disclosures.read'],
    staff: ['disclosures.read'],
    inspection: overseers,
    union: overseers,
  },
  errors: {
    DISCLOSURE_NOT_COMMUNE: {
      status: 409,
      vi: 'Danh mục công khai theo quý chỉ áp dụng ở cấp xã (Luật 10/2022/QH15, Điều 13); hãy đặt cơ quan là cấp xã nếu đúng như vậy',
      en: 'The quarterly list applies to communes only (Law 10/2022 Art. 13); set the agency to commune level if it is one',
    },
    DISCLOSURE_WRONG_STATE: {
      status: 409,
      vi: 'Thao tác không phù hợp với tình trạng hiện tại của nội dung công khai',
      en: 'This action does not fit the item’s current state',
    },
  },
  routes: disclosureRoutes,
  jobs: (jobs, db, _config, modules) => {
    // Every night: withdraw what has run its period or lost its source (issue #10).
    jobs.register(SWEEP_JOB, () => sweepAllAgencies(db, modules), { cron: '10 0 * * *' });
    // At each start: items registered before the search carried audiences get their entry (no migration needed).
    jobs.register(SEARCH_BACKFILL_JOB, () => backfillSearchAllAgencies(db).then(() => undefined), { atStart: true });
  },
  dashboard: dashboardPart<{ toAcknowledge: number; oversee: { overdue: number; pastValidity: number }; requests: number }>({
    ask: ({ actor, today }) => {
      const i = disclosureItems;
      const units = [...new Set(actor.roles.map((r) => r.unitId).filter((u): u is string => !!u))];
      // Addressed to this person as `isAddressed` says: the unit's people, or every member of the agency.
      const staff = isAddressed(actor, { audience: 'staff', unitId: null });
      return {
        toAcknowledge: sql`select count(*)::int from ${i} where ${i.status} = 'posted'
          and case when ${i.audience} = 'unit' then ${i.unitId} = any(${`{${units.join(',')}}`}::uuid[]) else ${staff} end
          and not exists (select 1 from ${disclosureReceipts} r where r.item_id = ${i.id} and r.user_id = ${actor.userId}::uuid)`,
        ...(can(actor, 'disclosures.oversee')
          ? {
              // As `presentListItem`: a draft past its publish-by day; posted past its validity or its source lapsed (`pastValidity`).
              oversee: sql`select json_build_object(
                  'overdue', count(*) filter (where ${i.status} = 'draft' and ${i.publishBy} < ${today}::date)::int,
                  'pastValidity', count(*) filter (where ${i.status} = 'posted' and (
                    (${i.sourceDocumentId} is not null and ${documentLapsedSql(sql`${i.sourceDocumentId}`)})
                    or (not ${i.keepPosted} and ${i.postedUntil} < ${today}::date)))::int)
                from ${i}`,
            }
          : {}),
        ...(can(actor, 'disclosures.oversee') && can(actor, 'disclosures.manage')
          ? { requests: sql`select count(*)::int from ${disclosureRequests} where ${disclosureRequests.answeredAt} is null` }
          : {}),
      };
    },
    cards: (a, { actor }) => {
      const stats = [
        {
          key: 'disclosures.to_acknowledge',
          label: { vi: 'Thông tin công khai chờ tôi xác nhận đã đọc', en: 'Disclosures awaiting my acknowledgement' },
          value: a.toAcknowledge ?? 0,
          link: '/disclosures?view=unread',
          pillar: 'know',
        },
      ];
      if (!can(actor, 'disclosures.oversee')) return stats;
      return [
        {
          key: 'disclosures.overdue',
          label: { vi: 'Nội dung quá hạn công khai', en: 'Items overdue to publish' },
          value: a.oversee?.overdue ?? 0,
          link: '/disclosures?view=overdue',
          pillar: 'know',
        },
        {
          key: 'disclosures.past_validity',
          label: { vi: 'Còn niêm yết quá thời hạn', en: 'Still posted past validity' },
          value: a.oversee?.pastValidity ?? 0,
          link: '/disclosures?view=past',
          pillar: 'know',
        },
        ...(can(actor, 'disclosures.manage')
          ? [
              {
                key: 'disclosures.requests',
                label: { vi: 'Đề nghị cung cấp thông tin chưa trả lời', en: 'Unanswered information requests' },
                value: a.requests ?? 0,
                link: '/disclosures?view=archive',
                pillar: 'know',
              },
            ]
          : []),
        ...stats,
      ];
    },
  }),
  pillars: disclosurePillars,
  deadlines: disclosureDeadlines,
  targets: DISCLOSURE_TARGETS,
  indicators: DISCLOSURE_INDICATORS,
  on: {
    // The holiday calendar changed: publish-by days (working days) of items not yet posted move,
    // and so do the ends of the minimum posting period of items posted (they roll off days off).
    'calendar.changed': async (ctx) => {
      await recomputePublishBy(ctx);
      await recomputePostedUntil(ctx);
    },
    // A source document expired or was replaced in the registry: its posted items come down at once.
    'legal_document.status_changed': async (ctx, { id }) => {
      await withdrawCiting(ctx, id);
    },
    // The explanation of what was taken from a consultation is itself disclosed to staff (Law
    // 10/2022 Arts. 46(10) and 55(3)); an Art. 46(10) item is never public.
    'consultation.explanation_published': async (ctx, { consultationId, title, decidedOn }) => {
      // Emitted inside the Office's publishing act: the disclosure is that same person's act.
      if (!('actor' in ctx)) throw new Error('consultation.explanation_published is emitted with the publishing actor');
      await publishDisclosure(ctx as ActorContext, {
        title,
        category: 10,
        decidedOn,
        audience: 'staff',
        origin: { module: 'conferences', id: consultationId },
      });
    },
  },
  attachmentGuards: {
    // A source file is served while the item is posted to the person, and after withdrawal on request (Art. 48(4)).
    disclosure: (ctx, entityId) => mayDownloadSource(ctx, entityId),
  },
  seedDemo: seedDisclosuresDemo,
});
