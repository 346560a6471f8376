/** `/account/calendar`: create, replace or revoke the personal iCalendar feed link. */
import { useState } from 'react';
import { Alert, Button, CopyButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { del, get, post } from '../../api';
import { ErrorAlert, Loading, notifyError, notifyOk, PageHeader } from '../../ui/common';
import { formatDate } from '../../ui/format';

export function CalendarFeedPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['calendar-feed'],
    queryFn: () => get<{ active: boolean; createdAt: string | null }>('/api/me/calendar-feed'),
  });
  const create = useMutation({
    mutationFn: () => post<{ url: string }>('/api/me/calendar-feed'),
    onSuccess: async (r) => {
      setUrl(r.url);
      await qc.invalidateQueries({ queryKey: ['calendar-feed'] });
    },
    onError: notifyError,
  });
  const revoke = useMutation({
    mutationFn: () => del('/api/me/calendar-feed'),
    onSuccess: async () => {
      setUrl(null);
      notifyOk(t('agenda.revoked'));
      await qc.invalidateQueries({ queryKey: ['calendar-feed'] });
    },
    onError: notifyError,
  });
  return (
    <>
      <PageHeader title={t('agenda.title')} subtitle={t('agenda.subtitle')} />
      {q.isLoading ? <Loading /> : null}
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {q.data ? (
        <Paper withBorder p="md" maw={760}>
          <Stack gap="sm">
            <Text>{q.data.active ? t('agenda.active', { date: formatDate(q.data.createdAt?.slice(0, 10)) }) : t('agenda.inactive')}</Text>
            {url ? (
              <Group align="flex-end" gap="xs" wrap="nowrap">
                <TextInput
                  label={t('agenda.urlLabel')}
                  value={url}
                  readOnly
                  style={{ flex: 1 }}
                  onFocus={(e) => e.currentTarget.select()}
                />
                <CopyButton value={url}>
                  {({ copied, copy }) => (
                    <Button variant="light" onClick={copy}>
                      {copied ? t('agenda.copied') : t('agenda.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            ) : null}
            <Group>
              <Button onClick={() => create.mutate()} loading={create.isPending}>
                {q.data.active ? t('agenda.replace') : t('agenda.create')}
              </Button>
              {q.data.active ? (
                <Button color="red" variant="light" onClick={() => revoke.mutate()} loading={revoke.isPending}>
                  {t('agenda.revoke')}
                </Button>
              ) : null}
            </Group>
            <Alert color="gray">
              <Text size="sm">{t('agenda.hint')}</Text>
            </Alert>
          </Stack>
        </Paper>
      ) : null}
    </>
  );
}
