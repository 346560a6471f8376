/**
 * What the module contributes to report templates and ratings (issue #10): consultations held,
 * comments received and accepted, the conference held on time, resolution reviews done. Each
 * figure comes with the sentence that says how it was counted.
 */
import { and, eq, gte, lte } from 'drizzle-orm';
import { formatDmy as dmy } from '../../../domain';
import type { Tx } from '../../platform/db';
import type { ReportIndicator } from '../../platform/module';
import { roleAssignments } from '../../platform/tables';
import { conferenceDue } from './conference-service';
import { consultedOf } from './consultation-service';
import { conferenceReviews, conferences, consultationComments, consultations } from './tables';
import { quorumMet } from '../../../domain/conference';

async function membersOf(tx: Tx, unitId: string): Promise<Set<string>> {
  const rows = await tx.select({ userId: roleAssignments.userId }).from(roleAssignments).where(eq(roleAssignments.unitId, unitId));
  return new Set(rows.map((r) => r.userId));
}

/** Consultations that closed in the period and consulted at least one person of the unit. */
async function consultationsOfUnit(tx: Tx, unitId: string, from: string, to: string) {
  const members = await membersOf(tx, unitId);
  const rows = await tx
    .select()
    .from(consultations)
    .where(and(gte(consultations.closesOn, from), lte(consultations.closesOn, to)));
  const out = [];
  for (const c of rows) if ((await consultedOf(tx, c)).some((p) => members.has(p.id))) out.push(c);
  return out;
}

async function commentsOfUnit(tx: Tx, unitId: string, from: string, to: string) {
  const members = await membersOf(tx, unitId);
  const list = await consultationsOfUnit(tx, unitId, from, to);
  const ids = new Set(list.map((c) => c.id));
  const rows = await tx.select().from(consultationComments);
  return rows.filter((x) => ids.has(x.consultationId) && members.has(x.authorId));
}

export const CONFERENCE_INDICATORS: readonly ReportIndicator[] = [
  {
    code: 'consultations_held',
    name: 'Đợt lấy ý kiến cán bộ, công chức',
    unit: 'đợt',
    definition: 'Đợt lấy ý kiến (Điều 53–55 Luật 10/2022/QH15) kết thúc trong kỳ có lấy ý kiến người của đơn vị',
    compute: async ({ tx }, s) => {
      const list = await consultationsOfUnit(tx, s.unitId, s.from, s.to);
      return {
        value: list.length,
        how: `Đếm đợt lấy ý kiến có ngày kết thúc từ ${dmy(s.from)} đến ${dmy(s.to)} mà người của đơn vị thuộc đối tượng được lấy ý kiến (${list.filter((c) => c.explanationPublishedOn).length} đợt đã công khai giải trình)`,
      };
    },
  },
  {
    code: 'consultation_comments',
    name: 'Ý kiến góp ý của cán bộ',
    unit: 'ý kiến',
    definition: 'Ý kiến người của đơn vị gửi trong các đợt lấy ý kiến kết thúc trong kỳ (kể cả ý kiến ẩn danh)',
    compute: async ({ tx }, s) => {
      const list = await commentsOfUnit(tx, s.unitId, s.from, s.to);
      return {
        value: list.length,
        how: `Đếm ý kiến của người thuộc đơn vị trong các đợt lấy ý kiến kết thúc từ ${dmy(s.from)} đến ${dmy(s.to)}; ý kiến ẩn danh được đếm, không nêu tên`,
      };
    },
  },
  {
    code: 'consultation_comments_accepted',
    name: 'Ý kiến được tiếp thu',
    unit: 'ý kiến',
    definition: 'Ý kiến nói trên được Văn phòng tổng hợp là tiếp thu hoặc tiếp thu một phần',
    compute: async ({ tx }, s) => {
      const list = await commentsOfUnit(tx, s.unitId, s.from, s.to);
      const full = list.filter((x) => x.outcome === 'accepted').length;
      const part = list.filter((x) => x.outcome === 'partly').length;
      return {
        value: full + part,
        how: `${full} ý kiến tiếp thu và ${part} ý kiến tiếp thu một phần trên ${list.length} ý kiến của đơn vị (đợt kết thúc từ ${dmy(s.from)} đến ${dmy(s.to)})`,
      };
    },
  },
  {
    code: 'conference_on_time',
    name: 'Hội nghị CBCCVC tổ chức đúng hạn',
    unit: 'hội nghị',
    definition:
      'Hội nghị thường niên họp trong kỳ, đủ 2/3 số người được triệu tập, chậm nhất 03 tháng sau khi kết thúc năm công tác (Điều 51)',
    compute: async ({ tx }, s) => {
      const rows = await tx
        .select()
        .from(conferences)
        .where(and(eq(conferences.kind, 'annual'), gte(conferences.heldOn, s.from), lte(conferences.heldOn, s.to)));
      let onTime = 0;
      const notes: string[] = [];
      for (const c of rows) {
        const due = (await conferenceDue(tx, c.year)).due;
        const valid = c.format === 'written_ballot' || quorumMet(c.convened, c.present ?? 0);
        if (valid && c.heldOn! <= due) onTime++;
        notes.push(`năm ${c.year}: họp ${dmy(c.heldOn!)}, hạn ${dmy(due)}${valid ? '' : ', không đủ 2/3'}`);
      }
      return {
        value: onTime,
        how: `Hội nghị của cả cơ quan (DC-CONF, Điều 51 khoản 1) họp từ ${dmy(s.from)} đến ${dmy(s.to)}: ${notes.length ? notes.join('; ') : 'không có'}`,
      };
    },
  },
  {
    code: 'resolution_reviews_done',
    name: 'Lần kiểm tra thực hiện nghị quyết hội nghị',
    unit: 'lần',
    definition: 'Lần người đứng đầu và công đoàn kiểm tra việc thực hiện nghị quyết hội nghị, định kỳ 06 tháng (Điều 52 khoản 3)',
    compute: async ({ tx }, s) => {
      const rows = await tx
        .select()
        .from(conferenceReviews)
        .where(and(gte(conferenceReviews.reviewedOn, s.from), lte(conferenceReviews.reviewedOn, s.to)));
      const late = rows.filter((r) => r.reviewedOn > r.dueOn).length;
      return {
        value: rows.length,
        how: `Đếm lần kiểm tra của cả cơ quan ghi ngày từ ${dmy(s.from)} đến ${dmy(s.to)} (DC-RES-REVIEW); ${late} lần sau hạn`,
      };
    },
  },
];
