// Loaded on its own, beside the app's scripts, while they are still downloading: the first use of
// Intl in a page costs 50-90 ms (the browser builds its locale and time-zone tables), which would
// otherwise fall on Today's first render. Any zone will do; the tables are shared by every later use.
new Intl.DateTimeFormat('en', { timeZone: 'UTC', weekday: 'short', hour: '2-digit' }).format(0);
