/** HTTP routes of the `inspection` module (issue #11): thin handlers over board.ts, work.ts and report.ts. */
import { z } from 'zod';
import { errorResponses, zIdParams, zIsoDate, ZOk } from '../../../contracts/common';
import {
  REPORT_PERIODS,
  ZActivity,
  ZActivityInput,
  ZAnswerInput,
  ZBoardState,
  ZBoardSummary,
  ZConcludeInput,
  ZDocumentRequest,
  ZDocumentRequestInput,
  ZElectionInput,
  ZFrontItem,
  ZFrontItemInput,
  ZFrontRespondInput,
  ZEscalateInput,
  ZMemberAddInput,
  ZMemberLeaveInput,
  ZMemberRoleInput,
  ZNoticeCheck,
  ZNotifyInput,
  ZProgramme,
  ZProgrammeInput,
  ZProvideInput,
  ZRecogniseInput,
  ZRecommendation,
  ZRecommendationInput,
  ZSuggestion,
  ZSuggestionInput,
  ZSuggestionUpdate,
  DEFAULT_TRAINING_MONTHS,
  ZTrainingAttendanceInput,
  ZTrainingCourse,
  ZTrainingCourseInput,
  ZTrainingGaps,
} from '../../../contracts/inspection';
import { withContext } from '../../platform/http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { addMember, boardState, memberLeaves, recogniseTerm, recordElectionByUnion, setMemberRole } from './board';
import { createFrontItem, listFrontItems, respondFrontItem } from './front';
import { boardReportDocx } from './report';
import { createTrainingCourse, listTrainingCourses, setTrainingAttendance, trainingGaps } from './training';
import {
  answerRecommendation,
  boardSummary,
  concludeActivity,
  createActivity,
  createDocumentRequest,
  createProgramme,
  createRecommendation,
  escalateRecommendation,
  getActivityView,
  listActivities,
  listDocumentRequests,
  listProgrammes,
  listRecommendations,
  listSuggestions,
  noticeCheck,
  notifyActivity,
  provideDocuments,
  submitSuggestion,
  updateSuggestion,
} from './work';

const tags = ['inspection'];
const zYear = z.coerce.number().int().min(2000).max(2200);
const ok = { 200: ZOk, ...errorResponses };

export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  // The contract of issue #11.
  app.get(
    '/inspection-board',
    {
      schema: {
        tags,
        summary: 'Ban Thanh tra nhân dân: nhiệm kỳ, kiến nghị / The board and its recommendations',
        response: { 200: ZBoardSummary, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => boardSummary(ctx)),
  );

  // ── the board ──
  app.get(
    '/inspection/board',
    { schema: { tags, summary: 'Nhiệm kỳ, thành viên / Term and members', response: { 200: ZBoardState, ...errorResponses } } },
    (req) => withContext(req, (ctx) => boardState(ctx)),
  );
  app.post(
    '/inspection/terms',
    {
      schema: {
        tags,
        summary: 'Ghi nhận kết quả bầu / Record the election',
        body: ZElectionInput,
        response: { 200: z.object({ termId: z.string() }), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => recordElectionByUnion(ctx, req.body)),
  );
  app.post(
    '/inspection/terms/:id/recognise',
    { schema: { tags, summary: 'Công đoàn công nhận / The union recognises', params: zIdParams, body: ZRecogniseInput, response: ok } },
    (req) => withContext(req, (ctx) => recogniseTerm(ctx, req.params.id, req.body)),
  );
  app.post(
    '/inspection/terms/:id/members',
    { schema: { tags, summary: 'Bầu bổ sung / Add a member', params: zIdParams, body: ZMemberAddInput, response: ok } },
    (req) => withContext(req, (ctx) => addMember(ctx, req.params.id, req.body)),
  );
  app.post(
    '/inspection/members/:id/role',
    {
      schema: {
        tags,
        summary: 'Bầu Trưởng ban, Phó Trưởng ban / Chair or deputy',
        params: zIdParams,
        body: ZMemberRoleInput,
        response: ok,
      },
    },
    (req) => withContext(req, (ctx) => setMemberRole(ctx, req.params.id, req.body.role)),
  );
  app.post(
    '/inspection/members/:id/leave',
    { schema: { tags, summary: 'Thôi làm thành viên / A vacancy', params: zIdParams, body: ZMemberLeaveInput, response: ok } },
    (req) => withContext(req, (ctx) => memberLeaves(ctx, req.params.id, req.body)),
  );

  // ── programmes ──
  app.get(
    '/inspection/programmes',
    {
      schema: {
        tags,
        summary: 'Chương trình công tác / Programmes',
        querystring: z.object({ year: zYear.optional() }),
        response: { 200: z.array(ZProgramme), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => listProgrammes(ctx, req.query.year)),
  );
  app.post(
    '/inspection/programmes',
    {
      schema: {
        tags,
        summary: 'Lập chương trình / Adopt a programme',
        body: ZProgrammeInput,
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => createProgramme(ctx, req.body)),
  );

  // ── activities ──
  app.get(
    '/inspection/notice-check',
    {
      schema: {
        tags,
        summary: 'Hạn thông báo / Latest notice day',
        querystring: z.object({ startsOn: zIsoDate }),
        response: { 200: ZNoticeCheck, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => noticeCheck(ctx, req.query.startsOn)),
  );
  app.get(
    '/inspection/activities',
    {
      schema: {
        tags,
        summary: 'Cuộc kiểm tra, giám sát / Activities',
        querystring: z.object({ year: zYear.optional() }),
        response: { 200: z.array(ZActivity), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => listActivities(ctx, req.query.year)),
  );
  app.get(
    '/inspection/activities/:id',
    { schema: { tags, summary: 'Một cuộc / One activity', params: zIdParams, response: { 200: ZActivity, ...errorResponses } } },
    (req) => withContext(req, (ctx) => getActivityView(ctx, req.params.id)),
  );
  app.post(
    '/inspection/activities',
    {
      schema: {
        tags,
        summary: 'Lập kế hoạch kiểm tra, giám sát / Plan an activity',
        body: ZActivityInput,
        response: { 200: ZActivity, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => createActivity(ctx, req.body)),
  );
  app.post(
    '/inspection/activities/:id/notify',
    {
      schema: {
        tags,
        summary: 'Thông báo đối tượng / Notify the subject',
        params: zIdParams,
        body: ZNotifyInput,
        response: { 200: ZActivity, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => notifyActivity(ctx, req.params.id, req.body)),
  );
  app.post(
    '/inspection/activities/:id/conclude',
    {
      schema: {
        tags,
        summary: 'Biên bản, kết luận / Minutes and findings',
        params: zIdParams,
        body: ZConcludeInput,
        response: { 200: ZActivity, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => concludeActivity(ctx, req.params.id, req.body)),
  );

  // ── recommendations ──
  app.get(
    '/inspection/recommendations',
    { schema: { tags, summary: 'Kiến nghị / Recommendations', response: { 200: z.array(ZRecommendation), ...errorResponses } } },
    (req) => withContext(req, (ctx) => listRecommendations(ctx)),
  );
  app.post(
    '/inspection/recommendations',
    {
      schema: {
        tags,
        summary: 'Kiến nghị với Thủ trưởng / Recommend to the head',
        body: ZRecommendationInput,
        response: { 200: ZRecommendation, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => createRecommendation(ctx, req.body)),
  );
  app.post(
    '/inspection/recommendations/:id/answer',
    {
      schema: {
        tags,
        summary: 'Thủ trưởng trả lời / The head answers',
        params: zIdParams,
        body: ZAnswerInput,
        response: { 200: ZRecommendation, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => answerRecommendation(ctx, req.params.id, req.body)),
  );
  app.post(
    '/inspection/recommendations/:id/escalate',
    {
      schema: {
        tags,
        summary: 'Báo cáo công đoàn / Escalate to the union',
        params: zIdParams,
        body: ZEscalateInput,
        response: { 200: ZRecommendation, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => escalateRecommendation(ctx, req.params.id, req.body)),
  );

  // ── documents requested from the head ──
  app.get(
    '/inspection/document-requests',
    {
      schema: {
        tags,
        summary: 'Đề nghị cung cấp tài liệu / Document requests',
        response: { 200: z.array(ZDocumentRequest), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => listDocumentRequests(ctx)),
  );
  app.post(
    '/inspection/document-requests',
    {
      schema: {
        tags,
        summary: 'Đề nghị cung cấp / Request documents',
        body: ZDocumentRequestInput,
        response: { 200: ZDocumentRequest, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => createDocumentRequest(ctx, req.body)),
  );
  app.post(
    '/inspection/document-requests/:id/provide',
    {
      schema: {
        tags,
        summary: 'Cung cấp tài liệu / Provide',
        params: zIdParams,
        body: ZProvideInput,
        response: { 200: ZDocumentRequest, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => provideDocuments(ctx, req.params.id, req.body)),
  );

  // ── the suggestion box ──
  app.post(
    '/inspection/suggestions',
    { schema: { tags, summary: 'Hộp thư góp ý / Write to the board', body: ZSuggestionInput, response: ok } },
    (req) => withContext(req, (ctx) => submitSuggestion(ctx, req.body)),
  );
  app.get(
    '/inspection/suggestions',
    { schema: { tags, summary: 'Góp ý nhận được / Notes received', response: { 200: z.array(ZSuggestion), ...errorResponses } } },
    (req) => withContext(req, (ctx) => listSuggestions(ctx)),
  );
  app.patch(
    '/inspection/suggestions/:id',
    { schema: { tags, summary: 'Xử lý góp ý / Take up a note', params: zIdParams, body: ZSuggestionUpdate, response: ok } },
    (req) => withContext(req, (ctx) => updateSuggestion(ctx, req.params.id, req.body)),
  );

  // ── the Fatherland Front and mass organisations ──
  app.get(
    '/front-items',
    {
      schema: {
        tags,
        summary: 'Mặt trận Tổ quốc, đoàn thể / Front and mass organisations',
        response: { 200: z.array(ZFrontItem), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => listFrontItems(ctx)),
  );
  app.post(
    '/front-items',
    { schema: { tags, summary: 'Ghi nhận / Register', body: ZFrontItemInput, response: { 200: ZFrontItem, ...errorResponses } } },
    (req) => withContext(req, (ctx) => createFrontItem(ctx, req.body)),
  );
  app.post(
    '/front-items/:id/respond',
    {
      schema: {
        tags,
        summary: 'Cơ quan trả lời / The agency responds',
        params: zIdParams,
        body: ZFrontRespondInput,
        response: { 200: ZFrontItem, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => respondFrontItem(ctx, req.params.id, req.body)),
  );

  // ── training of the cadres who deal with citizens (seed plan II.9) ──
  app.get(
    '/training/courses',
    {
      schema: {
        tags,
        summary: 'Lớp tập huấn, hội nghị quán triệt / Courses and briefings',
        response: { 200: z.array(ZTrainingCourse), ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => listTrainingCourses(ctx)),
  );
  app.post(
    '/training/courses',
    {
      schema: {
        tags,
        summary: 'Ghi nhận lớp tập huấn / Record a course',
        body: ZTrainingCourseInput,
        response: { 200: ZTrainingCourse, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => createTrainingCourse(ctx, req.body)),
  );
  app.put(
    '/training/courses/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Người tham dự / Attendance',
        params: zIdParams,
        body: ZTrainingAttendanceInput,
        response: { 200: ZTrainingCourse, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => setTrainingAttendance(ctx, req.params.id, req.body)),
  );
  app.get(
    '/training/gaps',
    {
      schema: {
        tags,
        summary: 'Người làm việc với dân chưa được bồi dưỡng / Who has not been trained',
        querystring: z.object({ months: z.coerce.number().int().min(1).max(120).default(DEFAULT_TRAINING_MONTHS) }),
        response: { 200: ZTrainingGaps, ...errorResponses },
      },
    },
    (req) => withContext(req, (ctx) => trainingGaps(ctx, req.query.months)),
  );

  // ── reports to the union (.docx) ──
  app.get(
    '/inspection/report.docx',
    {
      schema: {
        tags,
        summary: 'Báo cáo của Ban với công đoàn, tại hội nghị / The board report to the union or the staff conference (.docx)',
        querystring: z.object({ year: zYear, period: z.enum(REPORT_PERIODS) }),
      },
    },
    async (req, reply) => {
      const { bytes, title } = await withContext(req, (ctx) => boardReportDocx(ctx, req.query.year, req.query.period));
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      reply.header(
        'content-disposition',
        `attachment; filename="bao-cao-bttnd.docx"; filename*=UTF-8''${encodeURIComponent(`Báo cáo Ban Thanh tra nhân dân ${title}${req.query.period === 'conference' ? ' tại hội nghị cán bộ, công chức, viên chức' : ''}.docx`)}`,
      );
      return reply.send(bytes);
    },
  );
};
