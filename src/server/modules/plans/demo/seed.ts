/**
 * Demo data of the `plans` module: the legal-document registry with the seed plan's citations
 * and their successors, the 2021 plan restored by hand into correct Vietnamese, its tasks
 * assigned to units, a few months of progress updates, and one unit plan (the cascade).
 */
import { eq } from 'drizzle-orm';
import type { SeedContext } from '../../../platform/module';
import { storeFile } from '../../../platform/files';
import { units } from '../../../platform/tables';
import { legalDocuments, taskUpdates, tasks } from '../tables';
import { createPlan, createTask, numberPlan, reportProgress, saveDocument, updatePlan } from '../service';
import { LEGAL_DOCUMENTS } from './legal-documents';
import { type DemoProgress, type DemoTask, PLAN_2021, PROGRESS_2021, type PlanSeed, TASKS_2021 } from './plan-2021';
import { PLAN_2026, PROGRESS_2026, TASKS_2026 } from './plan-2026';

export async function seedPlansDemo(ctx: SeedContext): Promise<void> {
  const u = (code: string) => {
    const id = ctx.unitIdByCode[code];
    if (!id) throw new Error(`demo unit ${code} missing`);
    return id;
  };
  // 1. The registry: documents first, then who replaced whom.
  await ctx.as('vanphong', async (c) => {
    const { tx } = c;
    const idBySymbol = new Map<string, string>();
    for (const d of LEGAL_DOCUMENTS) {
      const saved = await saveDocument(c, null, {
        symbol: d.symbol,
        typeCode: d.typeCode ?? null,
        typeName: d.typeName,
        issuerCode: d.issuerCode ?? null,
        issuer: d.issuer ?? null,
        title: d.title ?? null,
        issuedOn: d.issuedOn ?? null,
        effectiveOn: (d as { effectiveOn?: string | null }).effectiveOn ?? null,
        status: d.status,
        note: d.note ?? null,
        confidence: d.confidence ?? null,
      });
      idBySymbol.set(d.symbol, saved.id);
    }
    for (const d of LEGAL_DOCUMENTS) {
      if (!d.replacedBy) continue;
      const id = idBySymbol.get(d.symbol)!;
      const target = idBySymbol.get(d.replacedBy);
      if (!target) throw new Error(`replacedBy ${d.replacedBy} missing from the registry`);
      const [row] = await tx.select().from(legalDocuments).where(eq(legalDocuments.id, id));
      await saveDocument(c, id, { replacedById: target, version: row!.version });
    }
  });

  // 2. The 2021 seed plan with its cascade requirement, then this year's plan (numbered by the
  //    văn thư from the register of outgoing documents), each with its tasks and progress.
  const unitCodes = ['VP', 'KHTC', 'QLKH', 'QLCN', 'QLCNg', 'TTra', 'CCTDC', 'TTUD'];
  const plan = await seedAgencyPlan(ctx, u, {
    year: 2021,
    seed: PLAN_2021,
    tasks: TASKS_2021,
    progress: PROGRESS_2021,
    unitPlansDueOn: '2021-04-15',
    requiredUnitIds: unitCodes.map(u),
  });
  await seedAgencyPlan(ctx, u, { year: 2026, seed: PLAN_2026, tasks: TASKS_2026, progress: PROGRESS_2026, numberOn: PLAN_2026.signedOn });
  const itemId = (numeral: string, n: number) => {
    const s = plan.sections.find((x) => x.numeral === numeral);
    const i = s?.items.find((x) => x.number === n);
    if (!i) throw new Error(`item ${numeral}.${n} missing`);
    return i.id;
  };

  // Demo timestamps: make the recorded time match the reported day, as if entered then.
  await ctx.db.withTenant({ tenantId: ctx.tenantId }, async (tx) => {
    const rows = await tx.select().from(taskUpdates);
    for (const r of rows)
      await tx
        .update(taskUpdates)
        .set({ createdAt: new Date(`${r.reportedOn}T09:00:00+07:00`) })
        .where(eq(taskUpdates.id, r.id));
    await tx.select().from(tasks);
  });

  // 5. The cascade: two units issued their own plan; one is a draft; the rest are missing (late).
  for (const [username, code, status] of [
    ['truongphong', 'QLKH', 'issued'],
    ['tpkhtc', 'KHTC', 'issued'],
    ['tpqlcn', 'QLCN', 'draft'],
  ] as const) {
    await ctx.as(username, async (c) => {
      const { tx } = c;
      const unitPlan = await createPlan(c, {
        parentPlanId: plan.id,
        unitId: u(code),
        year: 2021,
        issuerParent: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
        issuer: (
          await tx
            .select({ name: units.name })
            .from(units)
            .where(eq(units.id, u(code)))
        )[0]!.name.toUpperCase(),
        place: 'Quảng Ngãi',
        signedOn: code === 'QLCN' ? null : '2021-04-09',
        documentType: 'KẾ HOẠCH',
        summary: 'Thực hiện Quy chế dân chủ ở cơ sở và công tác dân vận chính quyền năm 2021 của đơn vị',
        citations: [],
        recipients: [{ name: 'Văn phòng Sở', role: 'báo cáo' }],
        sections: [
          {
            numeral: 'I',
            title: 'NỘI DUNG THỰC HIỆN',
            items: [
              {
                number: 1,
                text: 'Quán triệt, phổ biến Kế hoạch của Sở đến toàn thể công chức của đơn vị.',
                implementsItemIds: [itemId('II', 1)],
              },
              {
                number: 2,
                text: 'Thực hiện nghiêm Quy chế dân chủ ở cơ sở trong hoạt động của đơn vị; công khai kế hoạch công tác năm.',
                implementsItemIds: [itemId('II', 2)],
              },
              { number: 3, text: 'Đăng ký và triển khai mô hình "Dân vận khéo" của đơn vị.', implementsItemIds: [itemId('II', 3)] },
            ],
          },
        ],
        requiredUnitIds: [],
      });
      if (status === 'issued')
        await import('../service').then((m) => m.updatePlan(c, unitPlan.id, { version: unitPlan.version, status: 'issued' }));
    });
  }
}

/** Heads of the lead units who report progress (the Office where no head exists). */
const HEAD_OF: Record<string, string> = {
  VP: 'vanphong',
  QLKH: 'truongphong',
  KHTC: 'tpkhtc',
  QLCN: 'tpqlcn',
  CCTDC: 'cccctdc',
  TTUD: 'gdttud',
};

/** One agency plan of the demo: the plan, the tasks the Office assigns from it, their progress. */
async function seedAgencyPlan(
  ctx: SeedContext,
  u: (code: string) => string,
  opts: {
    year: number;
    seed: PlanSeed;
    tasks: readonly DemoTask[];
    progress: readonly DemoProgress[];
    unitPlansDueOn?: string;
    requiredUnitIds?: string[];
    /** Number the plan from the register of outgoing documents on this day (else it stays unnumbered). */
    numberOn?: string;
  },
) {
  const { seed } = opts;
  let plan = await ctx.as('vanphong', (c) =>
    createPlan(c, {
      year: opts.year,
      issuerParent: seed.issuerParent,
      issuer: seed.issuer,
      numberSymbol: seed.numberSymbol,
      place: seed.place,
      signedOn: seed.signedOn,
      documentType: seed.documentType,
      summary: seed.summary,
      preamble: seed.preamble,
      signerMode: seed.signer.mode as 'KT.',
      signerAuthority: seed.signer.authorityTitle,
      signerTitle: seed.signer.title,
      signerName: seed.signer.name ?? null,
      archive: seed.archive,
      ...(opts.unitPlansDueOn ? { unitPlansDueOn: opts.unitPlansDueOn } : {}),
      citations: seed.citations.map((symbol) => {
        const d = LEGAL_DOCUMENTS.find((x) => x.symbol === symbol);
        return { symbol, typeName: d?.typeName ?? null, issuer: d?.issuer ?? null, issuedOn: d?.issuedOn ?? null, title: d?.title ?? null };
      }),
      recipients: seed.recipients.map((r) => ({ name: r.name, role: r.role })),
      sections: seed.sections.map((s) => ({
        numeral: s.numeral,
        title: s.title,
        items: s.items.map((i) => ({ number: i.number, text: i.text, implementsItemIds: [] })),
      })),
      requiredUnitIds: opts.requiredUnitIds ?? [],
    }),
  );
  const numberOn = opts.numberOn;
  plan = numberOn
    ? await ctx.as('vanphong', (c) => numberPlan(c, plan.id, { issuedOn: numberOn, version: plan.version }))
    : await ctx.as('vanphong', (c) => updatePlan(c, plan.id, { version: plan.version, status: 'issued' }));

  const itemId = (numeral: string, n: number) => {
    const s = plan.sections.find((x) => x.numeral === numeral);
    const i = s?.items.find((x) => x.number === n);
    if (!i) throw new Error(`item ${numeral}.${n} missing`);
    return i.id;
  };
  const taskIds: string[] = [];
  await ctx.as('vanphong', async (c) => {
    for (const t of opts.tasks) {
      const created = await createTask(c, plan.id, {
        itemId: itemId(t.section, t.item),
        title: t.title,
        leadUnitId: u(t.leadUnit),
        coUnitIds: t.coUnits.map(u).filter((x) => x !== u(t.leadUnit)),
        dueOn: t.deadline,
        recurrence: t.recurrence,
        expectedEvidence: t.evidence,
      });
      taskIds.push(created.id);
    }
  });

  for (const p of opts.progress) {
    const taskId = taskIds[p.taskIndex];
    if (!taskId) throw new Error(`progress for missing task ${p.taskIndex}`);
    await ctx.as(HEAD_OF[p.unit] ?? 'vanphong', async (c) => {
      const { tx, actor } = c;
      const attachmentIds: string[] = [];
      if (p.evidence) {
        const f = await storeFile(tx, {
          tenantId: ctx.tenantId,
          filename: p.evidence.replace(/\.\w+$/, '.txt'),
          declaredType: 'text/plain',
          data: Buffer.from(`${p.note}\n(Tệp minh chứng mẫu của dữ liệu demo)\n`, 'utf8'),
          maxBytes: 1_000_000,
          uploadedBy: actor.userId,
        });
        attachmentIds.push(f.id);
      }
      await reportProgress(c, taskId, { progress: p.percent, status: p.status, note: p.note, reportedOn: p.on, attachmentIds });
    });
  }
  return plan;
}
