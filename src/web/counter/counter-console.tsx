// Which counter this laptop is (remembered on it) and the services it serves: set up first,
// then the desk. The header carries the counter, the live state and sign-out.
import { useCallback, useState } from 'react';
import { getServices } from '../api/endpoints.js';
import { getCounters } from '../api/queue-endpoints.js';
import { useI18n } from '../i18n/i18n.js';
import type { LiveStatus } from '../live/live-connection.js';
import { StaffHeader } from '../staff/staff-header.js';
import { useStaff } from '../staff/use-staff-session.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { useResource } from '../ui/use-resource.js';
import { COUNTER_STORAGE_KEY, counterByNumber, parseRememberedCounter } from './counter-logic.js';
import { CounterDesk } from './counter-desk.js';
import { CounterSetup } from './counter-setup.js';

function remembered(): number | null {
  try {
    return parseRememberedCounter(window.localStorage.getItem(COUNTER_STORAGE_KEY));
  } catch {
    return null;
  }
}

function remember(number: number): void {
  try {
    window.localStorage.setItem(COUNTER_STORAGE_KEY, String(number));
  } catch {
    // Storage unavailable: this page still knows it until reloaded.
  }
}

export function CounterConsole() {
  const { t, lang } = useI18n();
  const { onStaffError } = useStaff();
  const [chosen, setChosen] = useState<number | null>(remembered);
  const [settingUp, setSettingUp] = useState(false);
  const [live, setLive] = useState<LiveStatus>('connecting');
  const counters = useResource(
    (signal) =>
      getCounters({ lang, signal }).catch((error: unknown) => {
        onStaffError(error);
        throw error;
      }),
    `counters:${lang}`,
  );
  const services = useResource((signal) => getServices(undefined, { lang, signal }), `services:${lang}`);
  const counter = counters.data ? counterByNumber(counters.data.counters, chosen) : null;
  const reloadCounters = counters.reload;
  const onSaved = useCallback(
    (number: number) => {
      remember(number);
      setChosen(number);
      setSettingUp(false);
      reloadCounters();
    },
    [reloadCounters],
  );

  let body = null;
  if (!counters.data || !services.data) {
    const error = counters.error ?? services.error;
    body =
      error !== null ? (
        <LoadFailed
          error={error}
          onRetry={() => {
            counters.reload();
            services.reload();
          }}
        />
      ) : (
        <Loading />
      );
  } else if (!counter || settingUp) {
    body = (
      <CounterSetup
        counters={counters.data.counters}
        services={services.data.services}
        initial={counter ?? counterByNumber(counters.data.counters, chosen)}
        onSaved={onSaved}
        onCancel={counter ? () => setSettingUp(false) : null}
      />
    );
  } else {
    body = <CounterDesk key={counter.number} counter={counter} services={services.data.services} onCounterChanged={reloadCounters} onLive={setLive} />;
  }

  return (
    <div className="staff-app counter-app">
      <StaffHeader
        appName={t('counter.appName')}
        place={counter && !settingUp ? counter.name : null}
        live={counter && !settingUp ? live : null}
        extra={
          counter && !settingUp ? (
            <button type="button" className="staff-header__button" onClick={() => setSettingUp(true)}>
              {t('counter.change')}
            </button>
          ) : null
        }
      />
      <main className="staff-main" id="main">
        {body}
      </main>
    </div>
  );
}
