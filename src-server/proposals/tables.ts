/** Server tables of 建议提案 (created by migration 003_proposals): JSON of the shared entity + the columns queries need. */
export interface ProposalsTable {
  id: string; kind: string; year: number; session: string; number: number; status: string;
  lead_unit: string | null; co_units: string; data: string; updated_at: string;
}
export interface ProposalEventsTable { id: string; proposal_id: string; at: string; data: string }
export interface ProposalTables {
  proposals: ProposalsTable;
  proposal_events: ProposalEventsTable;
}
