import { useUnits } from '../../ui/data';
import { useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconKey, IconLockOpen, IconPencil, IconPlus, IconSearch, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type TPerson, type TUnit, ZCreatePersonRequest, ZResetPasswordRequest, ZUpdatePersonRequest } from '../../../contracts/org';
import { ROLE_LABELS, ROLES, type Role } from '../../../contracts/roles';
import { get, patch, post } from '../../api';
import { label } from '../../i18n';
import { useCan } from '../../session';
import {
  EmptyState,
  ErrorAlert,
  FormAlert,
  isStale,
  notifyError,
  notifyOk,
  PageHeader,
  TableSkeleton,
  useModalSize,
} from '../../ui/common';
import { formatDateTime, matches } from '../../ui/format';
import { errorsOf, showServerErrors, useSchemaForm } from '../../ui/form';

type RoleRow = { role: Role; unitId: string | null };

const collator = new Intl.Collator('vi', { sensitivity: 'base' });
/** Vietnamese directories sort by given name (the last word), then by the full name. */
const byVietnameseName = (a: TPerson, b: TPerson) =>
  collator.compare(a.fullName.split(' ').pop() ?? '', b.fullName.split(' ').pop() ?? '') || collator.compare(a.fullName, b.fullName);

type Values = {
  username: string;
  fullName: string;
  position: string;
  email: string;
  password: string;
  isActive: boolean;
  roles: RoleRow[];
};

const valuesOf = (p: TPerson | null): Values => ({
  username: p?.username ?? '',
  fullName: p?.fullName ?? '',
  position: p?.position ?? '',
  email: p?.email ?? '',
  password: '',
  isActive: p?.isActive ?? true,
  // Roles awaiting approval stay in the list: saving the form without them would withdraw them.
  roles: p ? [...p.roles, ...p.pendingRoles].map((r) => ({ role: r.role, unitId: r.unitId })) : [{ role: 'staff', unitId: null }],
});

/** The request body of a new person (ZCreatePersonRequest). */
const createRequest = (v: Values) => ({
  username: v.username,
  fullName: v.fullName,
  position: v.position || null,
  email: v.email || null,
  password: v.password,
  roles: v.roles,
});
/** The request body of an edit (ZUpdatePersonRequest; the PATCH adds the version read). */
const updateRequest = (v: Values) => ({
  fullName: v.fullName,
  position: v.position || null,
  email: v.email || null,
  isActive: v.isActive,
  roles: v.roles,
});
type PersonRequest = ReturnType<typeof createRequest> | ReturnType<typeof updateRequest>;
const ZEditPersonForm = ZUpdatePersonRequest.omit({ version: true });

function PersonForm({ person, units, onClose }: { person: TPerson | null; units: TUnit[]; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const modal = useModalSize('lg');
  const [current, setCurrent] = useState(person);
  // Whether the form creates or edits is fixed when it opens (a reload keeps editing the same person).
  const form = useSchemaForm<Values, PersonRequest>({
    schema: person ? ZEditPersonForm : ZCreatePersonRequest,
    initialValues: valuesOf(person),
    toRequest: person ? updateRequest : createRequest,
  });
  const v = form.values;
  const errors = errorsOf(form);
  const [stale, setStale] = useState(false);
  const save = useMutation({
    mutationFn: (body: PersonRequest) =>
      current ? patch(`/api/people/${current.id}`, { ...body, version: current.version }) : post('/api/people', body),
    onSuccess: async () => {
      notifyOk(t('app.saved'));
      await qc.invalidateQueries({ queryKey: ['people'] });
      onClose();
    },
    onError: (err) => {
      setStale(isStale(err));
      showServerErrors(form, err);
    },
  });
  async function reload() {
    if (!current) return;
    const fresh = await get<TPerson>(`/api/people/${current.id}`);
    setCurrent(fresh);
    form.setValues(valuesOf(fresh));
    form.clearErrors();
    setStale(false);
    await qc.invalidateQueries({ queryKey: ['people'] });
  }
  const unitOptions = units.map((u) => ({ value: u.id, label: u.name }));
  const setRole = (i: number, patchRow: Partial<RoleRow>) =>
    form.setFieldValue(
      'roles',
      v.roles.map((q, j) => (j === i ? { ...q, ...patchRow } : q)),
    );
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{current ? `${t('people.editTitle')}: ${current.fullName}` : t('people.add')}</Text>}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      size={modal.size}
      fullScreen={modal.fullScreen}
    >
      <form onSubmit={form.onSubmit((body) => save.mutate(body))} noValidate>
        <Stack>
          <FormAlert errors={errors} stale={stale} onReload={() => void reload()} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('people.username')}
              description={current ? undefined : t('people.usernameHint')}
              value={v.username}
              disabled={!!current}
              onChange={(e) => form.setFieldValue('username', e.currentTarget.value)}
              error={errors.username}
              required
              autoCapitalize="none"
              spellCheck={false}
            />
            <TextInput
              label={t('people.fullName')}
              value={v.fullName}
              onChange={(e) => form.setFieldValue('fullName', e.currentTarget.value)}
              error={errors.fullName}
              required
            />
            <TextInput
              label={t('people.position')}
              value={v.position}
              onChange={(e) => form.setFieldValue('position', e.currentTarget.value)}
              error={errors.position}
            />
            <TextInput
              label={t('people.email')}
              type="email"
              value={v.email}
              onChange={(e) => form.setFieldValue('email', e.currentTarget.value)}
              error={errors.email}
            />
          </SimpleGrid>
          {current ? (
            <Switch
              label={t('people.isActive')}
              description={t('people.isActiveHint')}
              checked={v.isActive}
              onChange={(e) => form.setFieldValue('isActive', e.currentTarget.checked)}
            />
          ) : (
            <PasswordInput
              label={t('people.initialPassword')}
              description={t('people.initialPasswordHint')}
              value={v.password}
              onChange={(e) => form.setFieldValue('password', e.currentTarget.value)}
              error={errors.password}
              required
              autoComplete="new-password"
            />
          )}
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('people.roles')}
            </Text>
            {errors.roles ? (
              <Text size="xs" c="red">
                {errors.roles}
              </Text>
            ) : null}
            {v.roles.map((r, i) => (
              <Group key={i} wrap="nowrap" align="flex-start" gap="xs">
                <Select
                  aria-label={`${t('people.role')} ${i + 1}`}
                  data={ROLES.map((x) => ({ value: x, label: label(ROLE_LABELS[x]) }))}
                  value={r.role}
                  allowDeselect={false}
                  style={{ flex: 1 }}
                  error={errors[`roles.${i}.role`]}
                  onChange={(x) => setRole(i, { role: (x ?? 'staff') as Role })}
                />
                <Select
                  aria-label={`${t('people.unit')} ${i + 1}`}
                  placeholder={t('people.noUnit')}
                  data={unitOptions}
                  value={r.unitId}
                  clearable
                  searchable
                  style={{ flex: 1 }}
                  error={errors[`roles.${i}.unitId`] ?? errors[`roles.${i}`]}
                  onChange={(x) => setRole(i, { unitId: x })}
                  nothingFoundMessage={t('app.noResults')}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={`${t('people.removeRole')} ${i + 1}`}
                  onClick={() => form.removeListItem('roles', i)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              size="compact-sm"
              w="fit-content"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('roles', { role: 'staff', unitId: null })}
            >
              {t('people.addRole')}
            </Button>
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ResetPasswordForm({ person, onClose }: { person: TPerson; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useSchemaForm({ schema: ZResetPasswordRequest, initialValues: { password: '' }, toRequest: (v) => v });
  const errors = errorsOf(form);
  const reset = useMutation({
    mutationFn: (body: { password: string }) => post(`/api/people/${person.id}/reset-password`, body),
    onSuccess: () => {
      notifyOk(t('people.resetDone', { name: person.fullName }));
      onClose();
    },
    onError: (err) => showServerErrors(form, err),
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={600}>{t('people.resetPassword')}</Text>}
      closeButtonProps={{ 'aria-label': t('app.close') }}
      centered
    >
      <form onSubmit={form.onSubmit((body) => reset.mutate(body))} noValidate>
        <Stack>
          <Text size="sm">{t('people.resetExplain', { name: person.fullName, username: person.username })}</Text>
          <FormAlert errors={errors} />
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.newPasswordHint')}
            {...form.getInputProps('password')}
            required
            autoComplete="new-password"
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={reset.isPending}>
              {t('people.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function StatusBadge({ p }: { p: TPerson }) {
  const { t } = useTranslation();
  if (!p.isActive)
    return (
      <Badge color="gray" variant="light">
        {t('people.disabled')}
      </Badge>
    );
  if (p.locked)
    return (
      <Badge color="orange" variant="light">
        {t('people.locked')}
      </Badge>
    );
  return (
    <Badge color="green" variant="light">
      {t('people.active')}
    </Badge>
  );
}

function Roles({ p }: { p: TPerson }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      {p.roles.map((r, i) => (
        <Text size="xs" key={i}>
          {label(ROLE_LABELS[r.role])}
          {r.unitName ? <Text span size="xs" c="dimmed">{` — ${r.unitName}`}</Text> : null}
        </Text>
      ))}
      {p.pendingRoles.map((r) => (
        <Group key={r.id} gap={4} wrap="nowrap">
          <Text size="xs" c="dimmed">
            {label(ROLE_LABELS[r.role])}
            {r.unitName ? ` — ${r.unitName}` : ''}
          </Text>
          <Badge size="xs" color="orange" variant="light">
            {t('people.pendingRole')}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}

/** Grants of roles carrying case powers, for a second person of the leadership to decide. */
function RoleRequests({ people }: { people: TPerson[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const pending = people.flatMap((p) => p.pendingRoles);
  const decide = useMutation({
    mutationFn: ({ id, approved }: { id: string; approved: boolean }) => post(`/api/role-requests/${id}/decision`, { approved }),
    onSuccess: async () => {
      notifyOk(t('people.decided'));
      await qc.invalidateQueries({ queryKey: ['people'] });
    },
  });
  if (!pending.length) return null;
  return (
    <Paper withBorder p="md" mb="md">
      <Text fw={600}>{t('people.requestsTitle')}</Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('people.requestsHint')}
      </Text>
      <ErrorAlert error={decide.error} />
      <Stack gap="xs">
        {pending.map((r) => (
          <Group key={r.id} justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={0}>
              <Text size="sm">
                <Text span fw={500}>
                  {r.fullName}
                </Text>
                {` — ${label(ROLE_LABELS[r.role])}${r.unitName ? ` (${r.unitName})` : ''}`}
              </Text>
              <Text size="xs" c="dimmed">
                {t('people.requestedBy', { name: r.requestedBy, at: formatDateTime(r.requestedAt) })}
              </Text>
            </Stack>
            {r.canDecide ? (
              <Group gap="xs">
                <Button size="compact-sm" loading={decide.isPending} onClick={() => decide.mutate({ id: r.id, approved: true })}>
                  {t('people.approve')}
                </Button>
                <Button
                  size="compact-sm"
                  variant="light"
                  color="red"
                  loading={decide.isPending}
                  onClick={() => decide.mutate({ id: r.id, approved: false })}
                >
                  {t('people.refuse')}
                </Button>
              </Group>
            ) : null}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

export function PeoplePage() {
  const { t } = useTranslation();
  const canManage = useCan('people.manage');
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<TPerson | null | undefined>(undefined);
  const [resetting, setResetting] = useState<TPerson | null>(null);
  const people = useQuery({ queryKey: ['people'], queryFn: () => get<TPerson[]>('/api/people') });
  const qc = useQueryClient();
  // Wrong passwords lock a name only at the address they came from; this lifts every such lock.
  const unlock = useMutation({
    mutationFn: (p: TPerson) => post(`/api/people/${p.id}/unlock`),
    onSuccess: async (_r, p) => {
      notifyOk(t('people.unlockDone', { name: p.fullName }));
      await qc.invalidateQueries({ queryKey: ['people'] });
    },
    onError: notifyError,
  });
  const units = useUnits({ enabled: editing !== undefined });
  const rows = [...(people.data ?? [])]
    .sort(byVietnameseName)
    .filter(
      (p) =>
        !filter || matches(`${p.fullName} ${p.username} ${p.position ?? ''} ${p.roles.map((r) => r.unitName ?? '').join(' ')}`, filter),
    );
  const addButton = canManage ? (
    <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEditing(null)}>
      {t('people.add')}
    </Button>
  ) : null;
  const actions = (p: TPerson) =>
    canManage ? (
      <Group gap={4} wrap="nowrap">
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconPencil size={14} />}
          onClick={() => setEditing(p)}
          aria-describedby={`person-name-${p.id}`}
        >
          {t('app.edit')}
        </Button>
        <Button
          size="compact-sm"
          variant="subtle"
          color="orange"
          leftSection={<IconKey size={14} />}
          onClick={() => setResetting(p)}
          aria-label={t('people.resetPassword')}
          aria-describedby={`person-name-${p.id}`}
        >
          {t('people.resetShort')}
        </Button>
        {p.locked ? (
          <Button
            size="compact-sm"
            variant="subtle"
            color="orange"
            leftSection={<IconLockOpen size={14} />}
            onClick={() => unlock.mutate(p)}
            loading={unlock.isPending && unlock.variables?.id === p.id}
            aria-label={t('people.unlock')}
            aria-describedby={`person-name-${p.id}`}
          >
            {t('people.unlockShort')}
          </Button>
        ) : null}
      </Group>
    ) : null;
  return (
    <>
      <PageHeader title={t('people.title')} subtitle={t('people.subtitle')} actions={addButton} />
      <Group mb="sm" gap="sm">
        <TextInput
          placeholder={t('people.filter')}
          aria-label={t('people.filter')}
          leftSection={<IconSearch size={16} />}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          w={340}
          maw="100%"
        />
        {people.data ? (
          <Text size="sm" c="dimmed">
            {t('people.count', { count: rows.length })}
          </Text>
        ) : null}
      </Group>
      <ErrorAlert error={people.error} />
      {people.data ? <RoleRequests people={people.data} /> : null}
      {people.isLoading ? <TableSkeleton cols={phone ? 2 : 6} /> : null}
      {people.data && rows.length === 0 ? (
        <Paper withBorder>
          {filter ? (
            <EmptyState
              title={t('people.noMatch')}
              hint={t('app.noMatchHint')}
              action={
                <Button variant="light" onClick={() => setFilter('')}>
                  {t('app.clearFilter')}
                </Button>
              }
            />
          ) : (
            <EmptyState title={t('people.emptyTitle')} hint={t('people.emptyHint')} action={addButton} />
          )}
        </Paper>
      ) : null}
      {rows.length > 0 && phone ? (
        <Stack gap="xs">
          {rows.map((p) => (
            <Card key={p.id} withBorder padding="sm">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text fw={600} id={`person-name-${p.id}`}>
                    {p.fullName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {p.username}
                    {p.position ? ` · ${p.position}` : ''}
                  </Text>
                </Stack>
                <StatusBadge p={p} />
              </Group>
              <Stack mt={6} gap={6}>
                <Roles p={p} />
                {actions(p)}
              </Stack>
            </Card>
          ))}
        </Stack>
      ) : null}
      {rows.length > 0 && !phone ? (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={960}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('people.fullName')}</Table.Th>
                  <Table.Th>{t('people.username')}</Table.Th>
                  <Table.Th>{t('people.position')}</Table.Th>
                  <Table.Th>{t('people.roles')}</Table.Th>
                  <Table.Th>{t('people.lastLogin')}</Table.Th>
                  <Table.Th>{t('app.status')}</Table.Th>
                  {canManage ? (
                    <Table.Th>
                      <VisuallyHidden>{t('app.actions')}</VisuallyHidden>
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td fw={500} fz="sm" id={`person-name-${p.id}`}>
                      {p.fullName}
                    </Table.Td>
                    <Table.Td ff="monospace" fz="sm">
                      {p.username}
                    </Table.Td>
                    <Table.Td fz="sm">{p.position ?? '—'}</Table.Td>
                    <Table.Td maw={320}>
                      <Roles p={p} />
                    </Table.Td>
                    <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                      {p.lastLoginAt ? (
                        formatDateTime(p.lastLoginAt)
                      ) : (
                        <Text span size="sm" c="dimmed">
                          {t('people.never')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <StatusBadge p={p} />
                    </Table.Td>
                    {canManage ? <Table.Td>{actions(p)}</Table.Td> : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
      {editing !== undefined ? (
        <PersonForm key={editing?.id ?? 'new'} person={editing} units={units.data ?? []} onClose={() => setEditing(undefined)} />
      ) : null}
      {resetting ? <ResetPasswordForm person={resetting} onClose={() => setResetting(null)} /> : null}
    </>
  );
}
