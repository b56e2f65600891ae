/// iCalendar (RFC 5545) writing; see `CalendarDocument`.
enum ICalendarModule {}
