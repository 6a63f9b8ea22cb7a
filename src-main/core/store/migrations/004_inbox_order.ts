/**
 * 004: the inbox is read in (urgency, newest first) order for one recipient unit. Sorting the deliveries ⋈ documents
 * join on every page cost seconds at 100,000 rows, so the document's urgency rank is copied onto its deliveries
 * (kept right by triggers whichever row arrives first in a pulled page) and one index serves order and paging.
 */
export const sql = `
ALTER TABLE deliveries ADD COLUMN urgency_rank INTEGER NOT NULL DEFAULT 2;
UPDATE deliveries SET urgency_rank = COALESCE((SELECT d.urgency_rank FROM documents d WHERE d.id = deliveries.document_id), 2);

CREATE TRIGGER deliveries_take_urgency AFTER INSERT ON deliveries BEGIN
  UPDATE deliveries SET urgency_rank = (SELECT d.urgency_rank FROM documents d WHERE d.id = NEW.document_id)
  WHERE id = NEW.id AND EXISTS (SELECT 1 FROM documents d WHERE d.id = NEW.document_id);
END;
CREATE TRIGGER documents_give_urgency_on_insert AFTER INSERT ON documents BEGIN
  UPDATE deliveries SET urgency_rank = NEW.urgency_rank WHERE document_id = NEW.id AND urgency_rank != NEW.urgency_rank;
END;
CREATE TRIGGER documents_give_urgency_on_update AFTER UPDATE OF urgency_rank ON documents BEGIN
  UPDATE deliveries SET urgency_rank = NEW.urgency_rank WHERE document_id = NEW.id AND urgency_rank != NEW.urgency_rank;
END;

CREATE INDEX deliveries_inbox ON deliveries(recipient_unit, urgency_rank, delivered_at DESC, id);
`;
