// ICS read back by ical.js, a parser we did not write: what the calendar tests compare.
import ICAL from 'ical.js';

/** The VEVENTs of an ICS text, with every VTIMEZONE it carries registered so TZIDs resolve. */
export function parseIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      location: e.location,
      description: e.description,
      url: v.getFirstPropertyValue('url'),
      stamp: v.getFirstPropertyValue('dtstamp')?.toString(),
      tzid: v.getFirstProperty('dtstart')?.getParameter('tzid'),
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      alarms: v
        .getAllSubcomponents('valarm')
        .map((a) => [a.getFirstPropertyValue('action'), a.getFirstPropertyValue('trigger')?.toString()]),
    };
  });
}
