/**
 * Demo data of the `inspection` module (issue #11): the board's 2025–2027 term with five members
 * (elected at the 2025 staff conference, recognised by the union), its 2026 programme, two
 * supervisions (the timeliness of disclosures; the reception of citizens), four recommendations
 * (one answered late, one still within its 15 days), a document request and two notes in the
 * suggestion box, a Front supervision with the agency's response and two training courses. Each
 * step runs on the day it happened, so every rule sees its own date.
 */
import { inArray } from 'drizzle-orm';
import { addDays } from '../../../domain';
import type { ActorContext, SeedContext } from '../../platform/module';
import { users } from '../../platform/tables';
import { storeFile } from '../../platform/files';
import { recogniseTerm, recordBoardElection } from './board';
import { createFrontItem, respondFrontItem } from './front';
import { createTrainingCourse } from './training';
import {
  answerRecommendation,
  concludeActivity,
  createActivity,
  createDocumentRequest,
  createProgramme,
  createRecommendation,
  notifyActivity,
  provideDocuments,
  submitSuggestion,
} from './work';

export async function seedInspectionDemo(ctx: SeedContext): Promise<void> {
  const names = ['thanhtra', 'cvvp', 'canbo', 'tpqlcn', 'gdttud'];
  const people = await ctx.db.withTenant({ tenantId: ctx.tenantId }, (tx) =>
    tx.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, names)),
  );
  const id = (u: string) => people.find((p) => p.username === u)!.id;
  if (people.length !== names.length) return;
  const on =
    <T>(day: string, fn: (c: ActorContext) => Promise<T>) =>
    (c: ActorContext) =>
      fn({ ...c, today: day });

  // The 2025 staff conference (Fri 14/3/2025) elected five members; the union recognised them on 19/3.
  const { termId } = await ctx.as(
    'congdoan',
    on('2025-03-14', (c) =>
      recordBoardElection(c, {
        electedOn: '2025-03-14',
        conferenceRef: 'Hội nghị cán bộ, công chức, viên chức năm 2025',
        members: [
          { userId: id('thanhtra'), role: 'chair' },
          { userId: id('cvvp'), role: 'deputy' },
          { userId: id('canbo'), role: 'member' },
          { userId: id('tpqlcn'), role: 'member' },
          { userId: id('gdttud'), role: 'member' },
        ],
      }),
    ),
  );
  await ctx.as(
    'congdoan',
    on('2025-03-19', (c) => recogniseTerm(c, termId, { version: 1, recognisedOn: '2025-03-19', decision: '05/QĐ-CĐCS' })),
  );

  const board = <T>(day: string, fn: (c: ActorContext) => Promise<T>) => ctx.as('thanhtra', on(day, fn));
  const head = <T>(day: string, fn: (c: ActorContext) => Promise<T>) => ctx.as('giamdoc', on(day, fn));

  const programme = await board('2026-01-14', (c) =>
    createProgramme(c, {
      year: 2026,
      period: 'year',
      title: 'Chương trình công tác năm 2026 của Ban Thanh tra nhân dân',
      content:
        'Giám sát việc công khai các nội dung theo Điều 46 Luật Thực hiện dân chủ ở cơ sở; giám sát việc tiếp công dân, giải quyết khiếu nại, tố cáo; giám sát việc thực hiện nghị quyết hội nghị cán bộ, công chức, viên chức năm 2026; kiểm tra việc sử dụng kinh phí hoạt động.',
      reportedToUnionOn: '2026-01-14',
    }),
  );

  // 1. The timeliness of disclosures, first half of 2026.
  const disclosures = await board('2026-03-30', (c) =>
    createActivity(c, {
      kind: 'supervision',
      title: 'Giám sát việc công khai đúng thời hạn các nội dung theo Điều 46',
      subject: 'Văn phòng Sở',
      subjectUnitId: ctx.unitIdByCode.VP ?? null,
      content:
        'Giám sát thời hạn công khai (05 ngày làm việc kể từ ngày ban hành) và thời gian niêm yết tối thiểu 20 ngày của các nội dung công khai quý I/2026.',
      source: 'programme',
      programmeId: programme.id,
      startsOn: '2026-04-13',
      endsOn: '2026-04-17',
      reportedToUnionOn: '2026-03-30',
    }),
  );
  await board('2026-04-03', (c) => notifyActivity(c, disclosures.id, { version: 1, notifiedOn: '2026-04-03' }));
  await board('2026-04-21', (c) =>
    concludeActivity(c, disclosures.id, {
      version: 2,
      concludedOn: '2026-04-20',
      minutes: 'Biên bản giám sát ngày 17/4/2026: Ban làm việc với Văn phòng Sở, kiểm tra sổ theo dõi công khai và bảng niêm yết.',
      findings:
        'Có 12/14 nội dung công khai đúng thời hạn; 02 quyết định về nâng lương được niêm yết chậm 03 ngày làm việc; thời gian niêm yết bảo đảm từ 20 ngày trở lên.',
      evidence: 'Sổ theo dõi công khai quý I/2026; ảnh chụp bảng niêm yết.',
      votesFor: 5,
      votesAgainst: 0,
      sentToRequesterOn: '2026-04-21',
    }),
  );
  const r1 = await board('2026-04-21', (c) =>
    createRecommendation(c, {
      activityId: disclosures.id,
      title: 'Công khai quyết định nâng lương đúng thời hạn 05 ngày làm việc',
      content: 'Đề nghị Văn phòng Sở lập sổ theo dõi hạn công khai và niêm yết quyết định nâng lương trong 05 ngày làm việc kể từ ngày ký.',
      receivedOn: '2026-04-21',
    }),
  );
  await head('2026-04-29', (c) =>
    answerRecommendation(c, r1.id, {
      version: 1,
      answeredOn: '2026-04-29',
      answer:
        'Giao Văn phòng Sở theo dõi hạn công khai trên phần mềm; từ tháng 5/2026 niêm yết quyết định nâng lương trong 05 ngày làm việc.',
    }),
  );
  const r2 = await board('2026-06-08', (c) =>
    createRecommendation(c, {
      activityId: disclosures.id,
      title: 'Công khai kết quả thi đua, khen thưởng 6 tháng đầu năm',
      content: 'Đề nghị công khai danh sách đề nghị khen thưởng 6 tháng đầu năm 2026 trước khi trình Hội đồng Thi đua - Khen thưởng.',
      receivedOn: '2026-06-08',
    }),
  );
  await head('2026-06-30', (c) =>
    answerRecommendation(c, r2.id, {
      version: 1,
      answeredOn: '2026-06-30',
      answer: 'Đã công khai danh sách trên Trang thông tin điện tử nội bộ ngày 29/6/2026.',
    }),
  );

  // 2. The reception of citizens, third quarter of 2026.
  const reception = await board('2026-09-07', (c) =>
    createActivity(c, {
      kind: 'supervision',
      title: 'Giám sát việc tiếp công dân định kỳ của Giám đốc Sở',
      subject: 'Lãnh đạo Sở và Văn phòng Sở (bộ phận tiếp công dân)',
      subjectUnitId: ctx.unitIdByCode.VP ?? null,
      content: 'Giám sát lịch tiếp công dân định kỳ, sổ tiếp công dân và thời hạn trả lời công dân (10 ngày làm việc) quý III/2026.',
      source: 'programme',
      programmeId: programme.id,
      startsOn: '2026-09-21',
      endsOn: '2026-09-25',
      reportedToUnionOn: '2026-09-07',
    }),
  );
  await board('2026-09-08', (c) => notifyActivity(c, reception.id, { version: 1, notifiedOn: '2026-09-08' }));
  await board('2026-09-14', (c) =>
    createDocumentRequest(c, {
      activityId: reception.id,
      title: 'Lịch tiếp công dân và sổ tiếp công dân quý III/2026',
      requestedOn: '2026-09-14',
      neededBy: '2026-09-18',
    }),
  ).then((d) =>
    head('2026-09-17', (c) =>
      provideDocuments(c, d.id, { version: 1, providedOn: '2026-09-17', reply: 'Văn phòng Sở gửi bản sao lịch tiếp và sổ tiếp công dân.' }),
    ),
  );
  await board('2026-10-12', (c) =>
    concludeActivity(c, reception.id, {
      version: 2,
      concludedOn: '2026-10-09',
      minutes: 'Biên bản giám sát ngày 25/9/2026 tại bộ phận tiếp công dân.',
      findings:
        'Giám đốc Sở tiếp công dân định kỳ đủ 03 buổi trong quý; lịch tiếp được niêm yết đúng hạn; 01 trường hợp trả lời công dân chậm 02 ngày làm việc.',
      votesFor: 4,
      votesAgainst: 1,
      sentToRequesterOn: '2026-10-12',
    }),
  );
  const r3 = await board('2026-10-12', (c) =>
    createRecommendation(c, {
      activityId: reception.id,
      title: 'Trả lời công dân trong 10 ngày làm việc sau buổi tiếp',
      content: 'Đề nghị bộ phận tiếp công dân theo dõi hạn trả lời trên sổ tiếp công dân và báo cáo Giám đốc Sở trường hợp sắp đến hạn.',
      receivedOn: '2026-10-12',
    }),
  );
  await head('2026-10-22', (c) =>
    answerRecommendation(c, r3.id, {
      version: 1,
      answeredOn: '2026-10-22',
      answer: 'Giao Chánh Văn phòng theo dõi hạn trả lời hằng tuần.',
    }),
  );
  // The fourth is recent and within its 15 days.
  const recent = addDays(ctx.today, -3);
  await board(recent, (c) =>
    createRecommendation(c, {
      activityId: reception.id,
      title: 'Bố trí phòng tiếp công dân có lối đi cho người khuyết tật',
      content: 'Đề nghị cải tạo lối vào phòng tiếp công dân để người khuyết tật, người cao tuổi tiếp cận thuận lợi.',
      receivedOn: recent,
    }),
  );

  // 3. Under way: the follow-up of the 2026 conference resolution, started a week ago, not yet concluded.
  const started = addDays(ctx.today, -7);
  const resolution = await board(addDays(ctx.today, -30), (c) =>
    createActivity(c, {
      kind: 'inspection',
      title: 'Kiểm tra việc thực hiện Nghị quyết hội nghị cán bộ, công chức, viên chức năm 2026',
      subject: 'Phòng Kế hoạch - Tài chính',
      subjectUnitId: ctx.unitIdByCode.KHTC ?? null,
      content: 'Kiểm tra việc thực hiện các chỉ tiêu tiết kiệm chi thường xuyên và chi thu nhập tăng thêm theo nghị quyết hội nghị.',
      source: 'programme',
      programmeId: programme.id,
      startsOn: started,
      reportedToUnionOn: addDays(ctx.today, -30),
    }),
  );
  await board(addDays(ctx.today, -25), (c) => notifyActivity(c, resolution.id, { version: 1, notifiedOn: addDays(ctx.today, -25) }));

  // The suggestion box: one signed note, one anonymous.
  await ctx.as(
    'canbo',
    on('2026-08-20', (c) =>
      submitSuggestion(c, { content: 'Đề nghị Ban giám sát việc tiếp công dân, có công dân phản ánh chờ lâu.', anonymous: false }),
    ),
  );
  await ctx.as(
    'truongphong',
    on('2026-11-02', (c) =>
      submitSuggestion(c, { content: 'Đề nghị công khai tiêu chí xét chọn đi học tập, bồi dưỡng năm 2027.', anonymous: true }),
    ),
  );

  // The Fatherland Front and mass organisations (seed plan II.8, II.12), kept by the Office.
  const office = <T>(day: string, fn: (c: ActorContext) => Promise<T>) => ctx.as('vanphong', on(day, fn));
  const front = await office('2026-07-16', (c) =>
    createFrontItem(c, {
      kind: 'supervision',
      organisation: 'front',
      title: 'Ủy ban MTTQ Việt Nam tỉnh giám sát việc tiếp công dân, giải quyết khiếu nại, tố cáo của Sở',
      documentRef: '45/KH-MTTW-BTT',
      heldOn: '2026-07-15',
      content:
        'Đoàn giám sát kiến nghị: niêm yết lịch tiếp công dân của Giám đốc Sở trên Trang thông tin điện tử; bố trí cán bộ tiếp công dân có kỹ năng vận động, thuyết phục; trả lời công dân đúng thời hạn.',
      responseDueOn: '2026-08-14',
    }),
  );
  await office('2026-08-10', (c) =>
    respondFrontItem(c, front.id, {
      version: 1,
      respondedOn: '2026-08-10',
      response:
        'Sở đã niêm yết lịch tiếp công dân trên Trang thông tin điện tử từ tháng 8/2026; cử 02 cán bộ dự lớp tập huấn kỹ năng tiếp công dân.',
      followUp: 'Báo cáo kết quả với Ủy ban MTTQ tỉnh trong báo cáo 6 tháng cuối năm.',
    }),
  );
  await office('2026-09-30', (c) =>
    createFrontItem(c, {
      kind: 'information',
      organisation: 'mass_mobilization',
      direction: 'out',
      title: 'Thông tin tình hình dân sinh và kết quả công tác dân vận chính quyền quý III/2026',
      documentRef: '210/SKHCN-VP',
      heldOn: '2026-09-30',
      content: 'Gửi Ban Dân vận Tỉnh ủy tình hình đơn thư, kết quả tiếp công dân và mô hình "Dân vận khéo" của Sở.',
    }),
  );
  await office('2026-01-20', (c) =>
    createFrontItem(c, {
      kind: 'regulation',
      organisation: 'mass_mobilization',
      title: 'Quy chế công tác dân vận của hệ thống chính trị tỉnh',
      documentRef: '1856-QĐ/TU',
      heldOn: '2021-01-15',
      content: 'Quy chế phối hợp trong công tác dân vận (mục II.12 Kế hoạch năm 2021); rà soát việc thực hiện hằng năm.',
      reviewOn: '2027-01-15',
    }),
  );

  // Training of the cadres who deal with citizens (seed plan II.9): two courses, the Office keeps them.
  const names2 = ['vanphong', 'cvvp', 'lanhdao', 'truongphong', 'tpkhtc', 'cccctdc'];
  const more = await ctx.db.withTenant({ tenantId: ctx.tenantId }, (tx) =>
    tx.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, names2)),
  );
  const pid = (u: string) => more.find((p) => p.username === u)?.id;
  const ids = (...us: string[]) => us.map(pid).filter((x): x is string => !!x);
  await office('2025-11-18', async (c) => {
    const material = await storeFile(c.tx, {
      tenantId: c.who.tenantId,
      filename: 'Tai-lieu-ky-nang-tiep-cong-dan.txt',
      declaredType: 'text/plain',
      data: Buffer.from(
        'Tài liệu tập huấn kỹ năng tiếp công dân, đối thoại với người dân (Luật Tiếp công dân 2013; Nghị định 64/2014/NĐ-CP).\n'.normalize(
          'NFC',
        ),
      ),
      maxBytes: 1024 * 1024,
      uploadedBy: c.actor.userId,
    });
    return createTrainingCourse(c, {
      kind: 'course',
      title: 'Tập huấn kỹ năng tiếp công dân, đối thoại với người dân',
      content:
        'Quy trình tiếp công dân, ghi sổ tiếp; kỹ năng lắng nghe, đối thoại và hướng dẫn người dân thực hiện đúng quyền khiếu nại, tố cáo, kiến nghị.',
      heldOn: '2025-11-18',
      trainers: 'Thanh tra tỉnh; Ban Tiếp công dân tỉnh',
      skills: ['reception', 'dialogue'],
      attendeeIds: ids('vanphong', 'cvvp', 'lanhdao'),
      attachmentIds: [material.id],
    });
  });
  await office('2026-08-20', (c) =>
    createTrainingCourse(c, {
      kind: 'briefing',
      title: 'Hội nghị quán triệt công tác dân vận chính quyền, kỹ năng vận động, thuyết phục và hòa giải',
      content:
        'Quán triệt Chỉ thị 33/CT-TTg và Quy chế 1856-QĐ/TU; kỹ năng vận động, thuyết phục, hòa giải khi giải quyết kiến nghị của người dân.',
      heldOn: '2026-08-20',
      trainers: 'Ban Tuyên giáo và Dân vận Tỉnh ủy',
      skills: ['persuasion', 'mediation'],
      attendeeIds: ids('cvvp', 'truongphong', 'tpkhtc'),
      attachmentIds: [],
    }),
  );
}
