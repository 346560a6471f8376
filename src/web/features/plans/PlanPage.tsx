import { useState } from 'react';
import { Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LEGAL_STATUS_LABELS, type TPlan, type TTask } from '../../../contracts/plans';
import { get, patch, post } from '../../api';
import { label } from '../../i18n';
import { ErrorAlert, Loading, notifyError, notifyOk, PageHeader, ProgressBar } from '../../ui/common';
import { formatDate } from '../../ui/format';
import { TaskForm } from './TaskForm';
import { TaskTable } from './TaskTable';
import { NumberDialog } from '../../ui/NumberDialog';
import { CascadeEditor, HeaderEditor, ItemEditor, UnitPlanCreator } from './PlanEditors';

type Rollup = {
  plan: number | null;
  byItem: { itemId: string; label: string; progress: number | null; tasks: number; done: number; overdue: number }[];
  byUnit: { unit: { id: string; name: string }; progress: number | null; tasks: number; done: number; overdue: number; dueSoon: number }[];
};
type Cascade = {
  dueOn: string | null;
  units: {
    unit: { id: string; name: string };
    dueOn: string;
    plan: { id: string; status: string; signedOn: string | null; summary: string } | null;
    state: string;
  }[];
  uncoveredItems: { id: string; label: string; text: string }[];
};
const STATE_COLORS: Record<string, string> = { submitted: 'green', draft: 'yellow', missing: 'gray', late: 'red' };

export function PlanPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { id } = useParams({ strict: false }) as { id: string };
  const [assign, setAssign] = useState<{ itemId?: string } | null>(null);
  const [editor, setEditor] = useState<
    { kind: 'header' } | { kind: 'item'; itemId: string } | { kind: 'cascade' } | { kind: 'unitPlan' } | { kind: 'number' } | null
  >(null);
  const plan = useQuery({ queryKey: ['plans', id], queryFn: () => get<TPlan>(`/api/plans/${id}`) });
  const tasks = useQuery({ queryKey: ['tasks', 'plan', id], queryFn: () => get<TTask[]>(`/api/tasks?planId=${id}`) });
  const rollup = useQuery({ queryKey: ['plans', id, 'rollup'], queryFn: () => get<Rollup>(`/api/plans/${id}/rollup`) });
  const cascade = useQuery({ queryKey: ['plans', id, 'cascade'], queryFn: () => get<Cascade>(`/api/plans/${id}/cascade`) });
  const parentId = plan.data?.parentPlanId ?? null;
  const parent = useQuery({ queryKey: ['plans', parentId], queryFn: () => get<TPlan>(`/api/plans/${parentId}`), enabled: !!parentId });
  const issue = useMutation({
    mutationFn: () => patch(`/api/plans/${id}`, { version: plan.data!.version, status: 'issued' }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['plans'] });
      notifyOk(t('app.saved'));
    },
    onError: notifyError,
  });
  if (plan.isLoading) return <Loading />;
  if (!plan.data) return <ErrorAlert error={plan.error} />;
  const p = plan.data;
  return (
    <>
      <PageHeader
        title={`${p.documentType} ${p.summary}`}
        subtitle={`${p.issuer} · ${p.numberSymbol ?? t('plans.numberPending')} · ${p.place}, ${formatDate(p.signedOn)}`}
        actions={
          <>
            <Badge size="lg" variant="light" color={p.status === 'issued' ? 'green' : 'yellow'}>
              {t(`plans.status_${p.status}`)}
            </Badge>
            {p.abilities.update ? (
              <Button variant="default" onClick={() => setEditor({ kind: 'header' })}>
                {t('app.edit')}
              </Button>
            ) : null}
            {p.abilities.update && !p.parentPlanId ? (
              <Button variant="default" onClick={() => setEditor({ kind: 'cascade' })}>
                {t('plans.cascadeEdit')}
              </Button>
            ) : null}
            {p.abilities.createUnitPlan ? (
              <Button variant="light" onClick={() => setEditor({ kind: 'unitPlan' })}>
                + {t('plans.unitPlan')}
              </Button>
            ) : null}
            {p.abilities.number ? (
              <Button variant="filled" color="teal" onClick={() => setEditor({ kind: 'number' })}>
                {t('plans.numberGive')}
              </Button>
            ) : null}
            {p.abilities.update && p.status === 'draft' ? (
              <Button variant="light" onClick={() => issue.mutate()}>
                {t('plans.issue')}
              </Button>
            ) : null}
            {p.abilities.manageTasks ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAssign({})}>
                {t('plans.assign')}
              </Button>
            ) : null}
            <Button variant="default" leftSection={<IconDownload size={16} />} component="a" href={`/api/plans/${id}/export.docx`}>
              {t('plans.export')}
            </Button>
          </>
        }
      />
      <Tabs defaultValue="content" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="content">{t('plans.sections')}</Tabs.Tab>
          <Tabs.Tab value="tasks">
            {t('plans.tasks')} ({tasks.data?.length ?? 0})
          </Tabs.Tab>
          <Tabs.Tab value="rollup">{t('plans.rollup')}</Tabs.Tab>
          {cascade.data?.units.length ? <Tabs.Tab value="cascade">{t('plans.cascade')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="content">
          <SimpleGrid cols={{ base: 1, lg: 3 }} mb="md">
            <Paper withBorder p="md">
              <Title order={5} mb={4}>
                {t('plans.header')}
              </Title>
              <Text size="sm">{p.issuerParent}</Text>
              <Text size="sm" fw={600}>
                {p.issuer}
              </Text>
              <Text size="sm">
                {t('plans.numberSymbol')}: {p.numberSymbol ?? <i>{t('plans.numberPending')}</i>}
              </Text>
              <Text size="sm">
                {t('plans.signedOn')}: {formatDate(p.signedOn)}
              </Text>
              {p.progress !== null ? (
                <Stack gap={2} mt={6}>
                  <Text size="sm" fw={600}>
                    {t('plans.overall', { done: p.taskCounts.done, total: p.taskCounts.total, overdue: p.taskCounts.overdue })}
                  </Text>
                  <ProgressBar value={p.progress} late={p.taskCounts.overdue > 0} w="100%" label={t('plans.overallLabel')} />
                </Stack>
              ) : null}
              <Text size="sm">
                {t('plans.signer')}: {[p.signerMode, p.signerAuthority].filter(Boolean).join(' ')}{' '}
                {p.signerTitle ? `/ ${p.signerTitle}` : ''} {p.signerName ?? ''}
              </Text>
            </Paper>
            <Paper withBorder p="md" style={{ gridColumn: 'span 2' }}>
              <Title order={5} mb={4}>
                {t('plans.citations')}
              </Title>
              {p.citations.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('app.empty')}
                </Text>
              ) : null}
              <List size="sm" spacing={2}>
                {p.citations.map((c) => (
                  <List.Item key={c.id}>
                    <b>
                      {c.typeName} {c.symbol}
                    </b>
                    {c.issuedOn ? ` (${formatDate(c.issuedOn)})` : ''} {c.issuer ? `— ${c.issuer}` : ''}
                    {c.status !== 'in_force' ? (
                      <Badge ml={6} size="xs" color={c.status === 'replaced' || c.status === 'expired' ? 'orange' : 'gray'}>
                        {label(LEGAL_STATUS_LABELS[c.status])}
                      </Badge>
                    ) : null}
                    {c.replacedBy ? (
                      <Text span size="xs" c="orange.8">
                        {' '}
                        → {t('plans.replacedBy')} {c.replacedBy.symbol}
                      </Text>
                    ) : null}
                  </List.Item>
                ))}
              </List>
            </Paper>
          </SimpleGrid>
          {p.preamble ? (
            <Paper withBorder p="md" mb="md">
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {p.preamble}
              </Text>
            </Paper>
          ) : null}
          <Stack>
            {p.sections.map((s) => (
              <Paper withBorder p="md" key={s.id}>
                <Title order={4} mb="sm">
                  {s.numeral}. {s.title}
                </Title>
                <Stack gap="sm">
                  {s.items.map((i) => (
                    <Group key={i.id} align="flex-start" wrap="nowrap" gap="sm">
                      <Text fw={700} w={28}>
                        {i.number}.
                      </Text>
                      <Stack gap={4} style={{ flex: 1 }}>
                        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                          {i.text}
                        </Text>
                        <Group gap="xs">
                          {i.taskCount ? (
                            <>
                              <ProgressBar value={i.progress ?? 0} w={160} label={`${t('plans.progress')} ${s.numeral}.${i.number}`} />
                              <Text size="xs" c="dimmed">
                                {i.taskCount} {t('plans.tasks')}
                              </Text>
                            </>
                          ) : null}
                          {p.abilities.manageTasks ? (
                            <Button size="compact-xs" variant="subtle" onClick={() => setAssign({ itemId: i.id })}>
                              + {t('plans.assign')}
                            </Button>
                          ) : null}
                          {p.abilities.update ? (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              color="gray"
                              onClick={() => setEditor({ kind: 'item', itemId: i.id })}
                            >
                              {t('app.edit')}
                            </Button>
                          ) : null}
                          {parent.data && i.implementsItemIds.length ? (
                            <Text size="xs" c="dimmed">
                              →{' '}
                              {parent.data.sections
                                .flatMap((ps) =>
                                  ps.items.filter((pi) => i.implementsItemIds.includes(pi.id)).map((pi) => `${ps.numeral}.${pi.number}`),
                                )
                                .join(', ')}
                            </Text>
                          ) : null}
                        </Group>
                      </Stack>
                    </Group>
                  ))}
                </Stack>
              </Paper>
            ))}
            <Paper withBorder p="md">
              <Title order={5} mb={4}>
                {t('plans.recipients')}
              </Title>
              <List size="sm">
                {p.recipients.map((r) => (
                  <List.Item key={r.id}>
                    {r.name}
                    {r.role ? ` (${r.role})` : ''}
                  </List.Item>
                ))}
                {p.archive ? <List.Item>Lưu: {p.archive}</List.Item> : null}
              </List>
            </Paper>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="tasks">
          <Paper withBorder>{tasks.data ? <TaskTable tasks={tasks.data} /> : <Loading />}</Paper>
        </Tabs.Panel>
        <Tabs.Panel value="rollup">
          {rollup.data ? (
            <Stack>
              <Paper withBorder p="md">
                <Group>
                  <Title order={3}>{rollup.data.plan ?? 0}%</Title>
                  <ProgressBar value={rollup.data.plan ?? 0} w="100%" size="lg" label={t('plans.progress')} />
                </Group>
              </Paper>
              <Paper withBorder p="md">
                <Title order={5} mb="sm">
                  {t('plans.byUnit')}
                </Title>
                <BarChart
                  h={Math.max(200, rollup.data.byUnit.length * 36)}
                  data={rollup.data.byUnit.map((u) => ({ unit: u.unit.name, [t('plans.progress')]: u.progress ?? 0 }))}
                  dataKey="unit"
                  orientation="vertical"
                  yAxisProps={{ width: 220 }}
                  series={[{ name: t('plans.progress'), color: 'red.7' }]}
                />
                <Table mt="sm" fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('plans.leadUnit')}</Table.Th>
                      <Table.Th ta="right">{t('plans.tasks')}</Table.Th>
                      <Table.Th ta="right">{t('plans.done')}</Table.Th>
                      <Table.Th ta="right">{t('plans.overdue')}</Table.Th>
                      <Table.Th ta="right">{t('plans.dueSoon')}</Table.Th>
                      <Table.Th ta="right">%</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rollup.data.byUnit.map((u) => (
                      <Table.Tr key={u.unit.id}>
                        <Table.Td>{u.unit.name}</Table.Td>
                        <Table.Td ta="right">{u.tasks}</Table.Td>
                        <Table.Td ta="right">{u.done}</Table.Td>
                        <Table.Td ta="right" c={u.overdue ? 'red' : undefined} fw={u.overdue ? 700 : undefined}>
                          {u.overdue}
                        </Table.Td>
                        <Table.Td ta="right">{u.dueSoon}</Table.Td>
                        <Table.Td ta="right">{u.progress}%</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
              <Paper withBorder p="md">
                <Title order={5} mb="sm">
                  {t('plans.byItem')}
                </Title>
                <Table fz="sm">
                  <Table.Tbody>
                    {rollup.data.byItem.map((i) => (
                      <Table.Tr key={i.itemId}>
                        <Table.Td w={60}>{i.label}</Table.Td>
                        <Table.Td>
                          <ProgressBar value={i.progress ?? 0} late={i.overdue > 0} label={`${t('plans.progress')} ${i.label}`} />
                        </Table.Td>
                        <Table.Td w={160}>
                          {i.done}/{i.tasks} {t('plans.done').toLowerCase()}
                          {i.overdue ? `, ${i.overdue} ${t('plans.overdue').toLowerCase()}` : ''}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
            </Stack>
          ) : (
            <Loading />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="cascade">
          {cascade.data ? (
            <Stack>
              <Paper withBorder>
                <Text p="sm" size="sm">
                  {t('plans.unitPlansDue')}: <b>{formatDate(cascade.data.dueOn)}</b>
                </Text>
                <Table fz="sm">
                  <Table.Tbody>
                    {cascade.data.units.map((u) => (
                      <Table.Tr key={u.unit.id}>
                        <Table.Td>{u.unit.name}</Table.Td>
                        <Table.Td>
                          <Badge color={STATE_COLORS[u.state]}>{t(`plans.state_${u.state}`)}</Badge>
                        </Table.Td>
                        <Table.Td>
                          {u.plan ? (
                            <Anchor component={Link} to={`/plans/${u.plan.id}`}>
                              {u.plan.summary}
                            </Anchor>
                          ) : (
                            '—'
                          )}
                        </Table.Td>
                        <Table.Td>{formatDate(u.plan?.signedOn)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Paper>
              <Paper withBorder p="md">
                <Title order={5} mb="xs">
                  {t('plans.uncovered')} ({cascade.data.uncoveredItems.length})
                </Title>
                <List size="sm" spacing={2}>
                  {cascade.data.uncoveredItems.map((i) => (
                    <List.Item key={i.id}>
                      <b>{i.label}</b> {i.text}
                    </List.Item>
                  ))}
                </List>
              </Paper>
            </Stack>
          ) : (
            <Loading />
          )}
        </Tabs.Panel>
      </Tabs>
      {assign ? <TaskForm plan={p} itemId={assign.itemId} onClose={() => setAssign(null)} /> : null}
      {editor?.kind === 'header' ? <HeaderEditor plan={p} onClose={() => setEditor(null)} /> : null}
      {editor?.kind === 'number' ? (
        <NumberDialog
          ns="plans"
          give={(issuedOn) => post<TPlan>(`/api/plans/${p.id}/number`, { issuedOn, version: p.version })}
          onNumbered={async (numbered) => {
            notifyOk(t('plans.numbered', { symbol: numbered.numberSymbol }));
            await qc.invalidateQueries({ queryKey: ['plans'] });
            await qc.invalidateQueries({ queryKey: ['outgoing'] });
          }}
          onClose={() => setEditor(null)}
        />
      ) : null}
      {editor?.kind === 'item' ? (
        <ItemEditor plan={p} itemId={editor.itemId} parent={parent.data ?? null} onClose={() => setEditor(null)} />
      ) : null}
      {editor?.kind === 'cascade' ? (
        <CascadeEditor plan={p} requiredUnitIds={cascade.data?.units.map((u) => u.unit.id) ?? []} onClose={() => setEditor(null)} />
      ) : null}
      {editor?.kind === 'unitPlan' ? <UnitPlanCreator parent={p} onClose={() => setEditor(null)} /> : null}
    </>
  );
}
