/** Citizen reception (Law 42/2013): the schedule and the register book, as two tabs. */
import { useEffect, useState } from 'react';
import { Alert, Select, Tabs, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../session';
import { PageHeader } from '../../../ui/common';
import { todayIso } from '../../../ui/format';
import { Schedule } from './schedule/Schedule';
import { Register } from './register/Register';

export function ReceptionPage() {
  const { t } = useTranslation();
  const canManage = useCan('reception.manage');
  const canReadCases = useCan('cases.read');
  const canRegister = canManage || canReadCases;
  const [tab, setTab] = useState<string>(() =>
    new URLSearchParams(window.location.search).get('tab') === 'register' ? 'register' : 'schedule',
  );
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [logSession, setLogSession] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${tab === 'register' ? '?tab=register' : ''}`);
  }, [tab]);
  return (
    <>
      <PageHeader
        title={t('reception.title')}
        subtitle={t('reception.subtitle')}
        actions={
          <Select
            aria-label={t('cases.year')}
            data={Array.from({ length: 5 }, (_, i) => String(thisYear + 1 - i))}
            value={String(year)}
            onChange={(x) => setYear(Number(x ?? thisYear))}
            allowDeselect={false}
            w={110}
          />
        }
      />
      <Tabs value={tab} onChange={(x) => setTab(x ?? 'schedule')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="schedule">{t('reception.tabSchedule')}</Tabs.Tab>
          {canRegister ? <Tabs.Tab value="register">{t('reception.tabRegister')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="schedule">
          <Schedule
            year={year}
            canManage={canManage}
            onLog={(id) => {
              setLogSession(id);
              setTab('register');
            }}
          />
        </Tabs.Panel>
        {canRegister ? (
          <Tabs.Panel value="register">
            <Register year={year} canManage={canManage} logSession={logSession} onLogged={() => setLogSession(undefined)} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
      {canRegister && tab === 'register' ? (
        <Alert color="gray" variant="light" mt="md" icon={<IconLock size={18} />} p="xs">
          <Text size="xs">{t('reception.privacyNote')}</Text>
        </Alert>
      ) : null}
    </>
  );
}
