export const REPORT_STATUS_COLORS: Record<string, string> = {
  not_started: 'gray',
  draft: 'yellow',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
};
