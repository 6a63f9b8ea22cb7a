/** Server tables of meeting notices (created by migration 002_meetings). JSON of the shared entity + query columns. */
export interface MeetingsTable {
  id: string; organiser_unit: string; status: string; start_at: string; end_at: string; room_key: string; data: string; updated_at: string;
}
export interface MeetingReceiptsTable {
  id: string; meeting_id: string; organiser_unit: string; unit_code: string; data: string; updated_at: string;
}
export interface MeetingTables {
  meetings: MeetingsTable;
  meeting_receipts: MeetingReceiptsTable;
}
