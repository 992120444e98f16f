// One service: counts for the chosen date, a date picker over the booking window, the slots,
// and the form. A full day gives way to 已约满 and the next days with places; when the hall has
// no place today or tomorrow and the city has other halls, 一键换厅 offers the ones with places sooner.
import { useEffect, useState } from 'react';
import type { AvailabilityResponse } from '../../contracts/services.js';
import { getAvailability } from '../api/endpoints.js';
import { errorCode, errorText } from '../api/error-text.js';
import { useI18n } from '../i18n/i18n.js';
import { localName } from '../i18n/local-name.js';
import { formatShortDate } from '../i18n/format.js';
import { publicChannel, useLiveReload } from '../live/use-live.js';
import { hrefOf, navigate } from '../nav/router.js';
import { Banner } from '../ui/banner.js';
import { Link } from '../ui/link.js';
import { useElderMode } from '../ui/elder-mode.js';
import { LoadFailed, Loading } from '../ui/loading.js';
import { useFocusHeading } from '../ui/use-focus-heading.js';
import { useResource } from '../ui/use-resource.js';
import { PUBLIC_MERGE_MS, dayState, initialDate, slotStillBookable } from './availability-logic.js';
import { availabilityVersion, hallBase, wantsOtherHalls } from './hall-logic.js';
import { useHallPlace } from './hall-place.js';
import { OtherHalls } from './other-halls.js';
import { BookingForm, type SlotFormProps } from './booking-form.js';
import { DatePicker } from './date-picker.js';
import { DayFull } from './day-full.js';
import { ElderNext, type ElderStep, ElderStepHead, shownStep } from './elder-steps.js';
import { RescheduleForm } from './reschedule-form.js';
import { SlotPicker } from './slot-picker.js';
import { WaitlistJoin } from './waitlist-join.js';
import '../i18n/later-messages.js';
import '../styles/citizen-screens.css';

/** `reschedule`: the number of a booking being moved (改约): the same pickers, then RescheduleForm in place of the booking form. */
export function ServicePage({ serviceId, askedDate, reschedule = null }: { serviceId: number; askedDate: string | null; reschedule?: string | null }) {
  const { t, lang } = useI18n();
  const place = useHallPlace();
  const heading = useFocusHeading<HTMLHeadingElement>(`service-${serviceId}`);
  const res = useResource((signal) => getAvailability(serviceId, {}, { lang, signal }), `${serviceId}`);
  useLiveReload(publicChannel(place.hall?.code), res.reload, {
    relevant: (e) => e.serviceId === serviceId || e.serviceId === null,
    mergeMs: PUBLIC_MERGE_MS,
    loadsAsItSubscribes: true,
  });
  const [slot, setSlot] = useState<string | null>(null);
  const [slotNotice, setSlotNotice] = useState<unknown>(null);
  const [slotMissing, setSlotMissing] = useState(0);
  // 长辈版: one decision a screen (day, time, then who); the standard page shows all three at once.
  const elder = useElderMode();
  const [elderStep, setElderStep] = useState<ElderStep>('date');
  // A service of another hall opened under this hall's address (or at `/` of a city with many
  // halls): go to its own hall's address.
  const ownHall = res.data?.hall;
  const elsewhere = ownHall !== undefined && (place.hall ? ownHall !== place.hall.code : place.many);
  useEffect(() => {
    if (elsewhere && ownHall) navigate(hrefOf(hallBase(ownHall), { service: serviceId, date: askedDate, reschedule }), { replace: true });
  }, [elsewhere, ownHall, serviceId, askedDate, reschedule]);

  if (!res.data || elsewhere) {
    if (errorCode(res.error) === 'SERVICE_NOT_FOUND') {
      return (
        <section className="page">
          <Banner tone="error" title={errorText(res.error, lang)}>
            <Link href={place.base}>{t('service.backToAll')}</Link>
          </Banner>
        </section>
      );
    }
    return <section className="page">{res.error !== null ? <LoadFailed error={res.error} onRetry={res.reload} /> : <Loading />}</section>;
  }

  const data: AvailabilityResponse = res.data;
  const date = initialDate(data.days, askedDate);
  const day = data.days.find((d) => d.date === date);
  const service = data.service;
  const name = localName(service, lang);
  const chosenSlot = slotStillBookable(day, slot) ? slot : null;
  const state = day ? dayState(day) : null;

  const chooseDate = (next: string) => {
    setSlot(null);
    setSlotNotice(null);
    setSlotMissing(0);
    setElderStep('slot');
    navigate(hrefOf(place.base, { service: serviceId, date: next, reschedule }), { replace: true });
  };
  const formProps = (on: string): SlotFormProps => ({
    service,
    date: on,
    slot: chosenSlot,
    today: data.today,
    onSlotMissing: () => setSlotMissing((n) => n + 1),
    onSlotRefused: (error) => {
      setSlot(null);
      setSlotNotice(error);
      setElderStep('slot');
      res.reload();
    },
  });
  const step = elder ? shownStep(elderStep, state === 'open', chosenSlot !== null) : null;
  const show = (part: ElderStep) => step === null || step === part;
  const chosen = day?.slots.find((s) => s.start === chosenSlot);

  return (
    <section className="page" aria-busy={res.loading}>
      <p className="back">
        <Link href={place.base}>← {t('service.backToAll')}</Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {name}
      </h1>
      {reschedule && <Banner tone="info" title={t('reschedule.title')} />}
      {day && (
        <p className="day-summary" aria-live="polite">
          <span>{formatShortDate(day.date, lang)}</span>
          <span>
            {t('stats.reserved')} <strong>{day.reserved}</strong>
          </span>
          <span>
            {t('stats.remaining')} <strong>{day.remaining}</strong>
          </span>
        </p>
      )}
      {res.error !== null && <LoadFailed error={res.error} onRetry={res.reload} />}
      {place.many && place.hall && wantsOtherHalls(data.days, data.today) && (
        <OtherHalls hall={place.hall.code} letter={service.letter} today={data.today} version={availabilityVersion(data)} reschedule={reschedule} />
      )}
      {step !== null && day && (
        <ElderStepHead step={step} date={day.date} slot={chosen ? { start: chosen.start, end: chosen.end } : null} onBack={setElderStep} />
      )}
      {show('date') && <DatePicker days={data.days} today={data.today} value={date} onChange={chooseDate} />}
      {step === 'date' && state === 'open' && <ElderNext onClick={() => setElderStep('slot')} />}
      {!day && <Banner tone="info" title={t('service.noDays')} />}
      {day && (state === 'full' || state === 'over') && <DayFull day={day} days={data.days} onChoose={chooseDate} />}
      {day && state === 'full' && (
        <WaitlistJoin key={day.date} serviceId={serviceId} date={day.date} today={data.today} slots={day.slots.filter((s) => s.reason === 'full')} wholeDay />
      )}
      {day && state === 'open' && (
        <>
          {slotNotice !== null && (
            <Banner tone="warning" title={errorText(slotNotice, lang)}>
              {t('service.slotsRefreshed')}
            </Banner>
          )}
          {show('slot') && (
            <SlotPicker
              day={day}
              value={chosenSlot}
              missing={slotMissing}
              onChange={(s) => {
                setSlot(s);
                setSlotNotice(null);
                setSlotMissing(0);
                setElderStep('form');
              }}
            />
          )}
          {step === 'slot' && chosenSlot !== null && <ElderNext onClick={() => setElderStep('form')} />}
          {!show('form') ? null : reschedule ? <RescheduleForm number={reschedule} {...formProps(day.date)} /> : <BookingForm {...formProps(day.date)} />}
          {!reschedule && show('slot') && (
            <WaitlistJoin
              key={day.date}
              serviceId={serviceId}
              date={day.date}
              today={data.today}
              slots={day.slots.filter((s) => s.reason === 'full')}
              wholeDay={false}
            />
          )}
        </>
      )}
    </section>
  );
}
