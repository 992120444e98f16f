// 我的候补 in 我的预约: the person's waiting-list entries with their place in line (退出候补), and a
// place held for them with its deadline (确认预约 makes it a booking).
import { useCallback, useEffect, useState } from 'react';
import type { PersonCredentials } from '../../contracts/bookings.js';
import type { WaitlistEntry } from '../../contracts/waitlist.js';
import { errorText } from '../api/error-text.js';
import { acceptWaitlistEntry, leaveWaitlist, lookupWaitlist } from '../api/waitlist-endpoints.js';
import { useI18n } from '../i18n/i18n.js';
import { formatShortDate, formatSlot } from '../i18n/format.js';
import type { MessageKey } from '../i18n/translate.js';
import { Banner } from '../ui/banner.js';

/** `version` changes when the bookings were looked up again: the entries are asked again too. */
export function WaitlistSection({
  credentials,
  version,
  onBooked,
  onCount,
}: {
  credentials: PersonCredentials;
  version: unknown;
  onBooked: () => void;
  /** How many entries the person has (so a person with entries and no bookings is not told "none found"). */
  onCount: (n: number) => void;
}) {
  const { t, lang } = useI18n();
  const [entries, setEntries] = useState<WaitlistEntry[]>([]);
  const [busy, setBusy] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  const load = useCallback(async () => {
    try {
      const found = (await lookupWaitlist(credentials, { lang })).entries;
      setEntries(found);
      onCount(found.length);
    } catch {
      // The bookings above say when the server cannot be reached.
    }
  }, [credentials, lang, onCount]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the signal to ask again
  useEffect(() => {
    void load();
  }, [load, version]);

  const act = async (entry: WaitlistEntry, accept: boolean) => {
    setBusy(entry.id);
    setNotice(null);
    try {
      if (accept) {
        const { booking } = await acceptWaitlistEntry(entry.id, credentials, { lang });
        setNotice({ tone: 'success', text: t('wait.booked', { number: booking.number }) });
        onBooked();
      } else {
        await leaveWaitlist(entry.id, credentials, { lang });
        setNotice({ tone: 'success', text: t('wait.left') });
      }
    } catch (error) {
      setNotice({ tone: 'error', text: errorText(error, lang) });
    } finally {
      setBusy(null);
      void load();
    }
  };

  const shown = entries.filter((e) => e.status === 'waiting' || e.status === 'offered' || e.status === 'booked' || e.status === 'lapsed');
  if (shown.length === 0 && !notice) return null;
  return (
    <section aria-labelledby="waitlist-list-title" data-testid="waitlist-section">
      <h2 id="waitlist-list-title" className="section-title">
        {t('wait.listTitle')}
      </h2>
      {notice && <Banner tone={notice.tone} title={notice.text} />}
      <ul className="cards">
        {shown.map((e) => (
          <li key={e.id} className={`card card--waitlist card--${e.status}`} data-testid="waitlist-entry">
            <div className="card__head">
              <span className="card__service">{e.serviceName}</span>
              <span className="status-badge">{t(`wait.status.${e.status}` as MessageKey)}</span>
            </div>
            <p className="card__when">
              {formatShortDate(e.date, lang)} {e.slotStart ?? t('wait.anyTime')}
            </p>
            {e.status === 'waiting' && e.position !== undefined && <p className="card__meta">{t('wait.position', { n: e.position })}</p>}
            {e.status === 'offered' && e.offer && (
              <p className="card__meta card__meta--notice" data-testid="waitlist-offer">
                {t('wait.offer', { slot: formatSlot(e.offer.slotStart, e.offer.slotEnd), time: e.offer.expiresAtLocal })}
              </p>
            )}
            {e.bookingNumber && <p className="card__number mono">{e.bookingNumber}</p>}
            {(e.status === 'waiting' || e.status === 'offered') && (
              <div className="card__actions">
                {e.status === 'offered' && (
                  <button type="button" className="button button--primary" disabled={busy === e.id} onClick={() => void act(e, true)}>
                    {busy === e.id ? t('wait.accepting') : t('wait.accept')}
                  </button>
                )}
                <button type="button" className="button button--danger-outline" disabled={busy === e.id} onClick={() => void act(e, false)}>
                  {t('wait.leave')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
