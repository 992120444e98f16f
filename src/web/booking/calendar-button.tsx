// "Add to calendar": a hand-made .ics downloaded from a Blob. In a hall's own app the event is
// at that hall (its name and address) and on its clock.
import type { HallInfo } from '../../contracts/halls.js';
import { type RememberedBooking, serviceNameOf } from '../person/remembered.js';
import { localName } from '../i18n/local-name.js';
import { useI18n } from '../i18n/i18n.js';
import { loadHallZone, useHallZone } from '../hall/hall-zone.js';
import { icsFileName, icsText } from './ics.js';

export function CalendarButton({ booking, hall }: { booking: RememberedBooking; hall: HallInfo | null }) {
  const { t, lang } = useI18n();
  // The slot's times are the hall's (HALL_TZ, from the server), wherever the phone is.
  const firstHallZone = useHallZone();
  const zone = hall?.timeZone ?? firstHallZone;
  const location = hall ? [localName(hall, lang), hall.address].filter(Boolean).join(' ') : t('ics.location');
  const download = (timeZone: string) => {
    const service = serviceNameOf(booking, lang);
    const text = icsText({
      uid: `${booking.number}@vreserve`,
      date: booking.date,
      start: booking.slotStart,
      end: booking.slotEnd,
      timeZone,
      summary: t('ics.summary', { service, number: booking.number }),
      description: t('ics.description', { number: booking.number, opensAt: booking.checkInOpensAt }),
      location,
      stamp: new Date(),
      alarmMinutes: 60,
    });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = icsFileName(booking.number);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <button
      type="button"
      className="button button--secondary"
      onClick={() => (zone ? download(zone) : void loadHallZone().then(download, () => undefined))}
    >
      {t('confirm.addToCalendar')}
    </button>
  );
}
