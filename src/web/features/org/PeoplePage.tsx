import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Modal, Paper, PasswordInput, Select, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TPerson, TUnit } from '../../../contracts/org';
import { ROLE_LABELS, ROLES, type Role } from '../../../contracts/roles';
import { ApiError, get, patch, post } from '../../api';
import { label } from '../../i18n';
import { useCan } from '../../session';
import { ErrorAlert, Loading, notifyError, notifyOk, PageHeader } from '../../ui/common';
import { formatDateTime, matches } from '../../ui/format';

function PersonForm({ person, units, onClose }: { person: TPerson | null; units: TUnit[]; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [v, setV] = useState({
    username: person?.username ?? '',
    fullName: person?.fullName ?? '',
    position: person?.position ?? '',
    email: person?.email ?? '',
    password: '',
    isActive: person?.isActive ?? true,
    roles: person?.roles.map((r) => ({ role: r.role as Role, unitId: r.unitId })) ?? [{ role: 'staff' as Role, unitId: null as string | null }],
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      person
        ? patch(`/api/people/${person.id}`, { version: person.version, fullName: v.fullName, position: v.position || null, email: v.email || null, isActive: v.isActive, roles: v.roles })
        : post('/api/people', { username: v.username, fullName: v.fullName, position: v.position || null, email: v.email || null, password: v.password, roles: v.roles }),
    onSuccess: async () => {
      notifyOk(t('app.saved'));
      await qc.invalidateQueries({ queryKey: ['people'] });
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError) setErrors({ ...err.fieldMessages(), _: err.body.message });
    },
  });
  const unitOptions = units.map((u) => ({ value: u.id, label: u.name }));
  return (
    <Modal opened onClose={onClose} title={person ? person.fullName : t('people.add')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          save.mutate();
        }}
      >
        <Stack>
          {errors._ ? <Text c="red" size="sm">{errors._}</Text> : null}
          <Group grow align="flex-start">
            <TextInput label={t('people.username')} value={v.username} disabled={!!person} onChange={(e) => setV({ ...v, username: e.currentTarget.value })} error={errors.username} required />
            <TextInput label={t('people.fullName')} value={v.fullName} onChange={(e) => setV({ ...v, fullName: e.currentTarget.value })} error={errors.fullName} required />
          </Group>
          <Group grow align="flex-start">
            <TextInput label={t('people.position')} value={v.position} onChange={(e) => setV({ ...v, position: e.currentTarget.value })} error={errors.position} />
            <TextInput label={t('people.email')} type="email" value={v.email} onChange={(e) => setV({ ...v, email: e.currentTarget.value })} error={errors.email} />
          </Group>
          {person ? (
            <Switch label={t('people.isActive')} checked={v.isActive} onChange={(e) => setV({ ...v, isActive: e.currentTarget.checked })} />
          ) : (
            <PasswordInput label={t('people.initialPassword')} description={t('auth.newPasswordHint')} value={v.password} onChange={(e) => setV({ ...v, password: e.currentTarget.value })} error={errors.password} required />
          )}
          <Text size="sm" fw={500}>{t('people.roles')}</Text>
          {v.roles.map((r, i) => (
            <Group key={i} wrap="nowrap" align="flex-start">
              <Select aria-label={t('people.role')} data={ROLES.map((x) => ({ value: x, label: label(ROLE_LABELS[x]) }))} value={r.role} allowDeselect={false} style={{ flex: 1 }} onChange={(x) => setV({ ...v, roles: v.roles.map((q, j) => (j === i ? { ...q, role: (x ?? 'staff') as Role } : q)) })} />
              <Select aria-label={t('people.unit')} data={unitOptions} value={r.unitId} clearable searchable style={{ flex: 1 }} error={errors[`roles.${i}.unitId`]} onChange={(x) => setV({ ...v, roles: v.roles.map((q, j) => (j === i ? { ...q, unitId: x } : q)) })} />
              <ActionIcon variant="subtle" color="red" aria-label={t('app.delete')} onClick={() => setV({ ...v, roles: v.roles.filter((_, j) => j !== i) })}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" size="xs" w="fit-content" onClick={() => setV({ ...v, roles: [...v.roles, { role: 'staff', unitId: null }] })}>
            + {t('people.addRole')}
          </Button>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('app.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{t('app.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function PeoplePage() {
  const { t } = useTranslation();
  const canManage = useCan('people.manage');
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<TPerson | null | undefined>(undefined);
  const people = useQuery({ queryKey: ['people'], queryFn: () => get<TPerson[]>('/api/people') });
  const units = useQuery({ queryKey: ['units', false], queryFn: () => get<TUnit[]>('/api/units') });
  const reset = useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => post(`/api/people/${id}/reset-password`, { password }),
    onSuccess: () => notifyOk(t('app.saved')),
    onError: notifyError,
  });
  const rows = (people.data ?? []).filter((p) => !filter || matches(`${p.fullName} ${p.username} ${p.position ?? ''}`, filter));
  return (
    <>
      <PageHeader title={t('people.title')} actions={canManage ? <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>{t('people.add')}</Button> : null} />
      <TextInput mb="sm" placeholder={t('people.filter')} aria-label={t('people.filter')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={320} maw="100%" />
      <ErrorAlert error={people.error} />
      {people.isLoading ? <Loading /> : null}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={800}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.fullName')}</Table.Th>
                <Table.Th>{t('people.username')}</Table.Th>
                <Table.Th>{t('people.position')}</Table.Th>
                <Table.Th>{t('people.roles')}</Table.Th>
                <Table.Th>{t('people.lastLogin')}</Table.Th>
                <Table.Th>{t('app.status')}</Table.Th>
                {canManage ? <Table.Th /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td fw={500}>{p.fullName}</Table.Td>
                  <Table.Td ff="monospace" fz="sm">{p.username}</Table.Td>
                  <Table.Td>{p.position}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {p.roles.map((r, i) => (
                        <Text size="xs" key={i}>
                          {label(ROLE_LABELS[r.role])}
                          {r.unitName ? ` — ${r.unitName}` : ''}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td fz="sm">{formatDateTime(p.lastLoginAt)}</Table.Td>
                  <Table.Td>
                    {p.locked ? <Badge color="orange">{t('people.locked')}</Badge> : <Badge color={p.isActive ? 'green' : 'gray'}>{p.isActive ? t('people.active') : t('people.disabled')}</Badge>}
                  </Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(p)}>{t('app.edit')}</Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="orange"
                          onClick={() => {
                            const pw = window.prompt(`${t('people.resetPassword')} — ${p.fullName} (${t('auth.newPasswordHint')})`);
                            if (pw) reset.mutate({ id: p.id, password: pw });
                          }}
                        >
                          {t('people.resetPassword')}
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {editing !== undefined ? <PersonForm person={editing} units={units.data ?? []} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
}
