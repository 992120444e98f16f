// English for the citizen screens of a city with many halls. Same keys and placeholders as zh-citizen.ts.
import type { zhCitizen } from './zh-citizen.js';

export const enCitizen: Record<keyof typeof zhCitizen, string> = {
  'halls.title': 'Choose a service hall',
  'halls.lead': 'Choose the hall you will visit. This device remembers it and opens it next time.',
  'halls.districtOther': 'Other',
  'halls.remainingToday': 'Places left today',
  'halls.noneToday': 'No places left today',
  'halls.hours': 'Hours: {hours}',
  'halls.change': 'Change hall',
  'halls.here': 'Current hall',
  'halls.notFound': 'This hall was not found; it may no longer take bookings.',
  'halls.chooseAnother': 'Choose a hall',
  'switch.title': 'Other halls have earlier places',
  'switch.lead': 'This hall has no place today or tomorrow. The same service is also offered at:',
  'switch.offer': '{hall}: {day} {time} available',
  'switch.go': 'Switch hall',
  'switch.goTo': 'Switch to {hall}',
  'switch.today': 'today',
  'switch.tomorrow': 'tomorrow',
  'switch.dayAfter': 'the day after tomorrow',
  'confirm.hall': 'Hall',
  'confirm.address': 'Address',
  'records.hall': 'Hall',
};
