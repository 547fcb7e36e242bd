-- A CounterPay ledger at schema version 1, as the v1 migration (commit 68657e6) created it:
-- its statements verbatim, the version bump and application id, then a few rows.
-- tst_LedgerFiles builds a file from it and checks the upgrade to the current version.
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version (version) VALUES (1);
CREATE TABLE orders (
        order_id TEXT PRIMARY KEY,
        terminal TEXT NOT NULL,
        cashier TEXT NOT NULL DEFAULT '',
        provider TEXT NOT NULL,
        method TEXT NOT NULL DEFAULT '',
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        currency TEXT NOT NULL,
        phone_sealed BLOB,
        phone_last4 TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL,
        provider_status TEXT NOT NULL DEFAULT '',
        txn_id TEXT NOT NULL DEFAULT '',
        txn_uuid TEXT NOT NULL DEFAULT '',
        provider_ref TEXT NOT NULL DEFAULT '',
        upi_rrn TEXT NOT NULL DEFAULT '',
        auth_url TEXT NOT NULL DEFAULT '',
        expires_at INTEGER,
        verified INTEGER NOT NULL DEFAULT 0,
        refunded_minor INTEGER NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
        note TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL);
CREATE INDEX orders_by_created ON orders (created_at);
CREATE INDEX orders_by_state ON orders (state, created_at);
CREATE INDEX orders_by_last4 ON orders (phone_last4, created_at);
CREATE INDEX orders_by_provider ON orders (provider, created_at);
CREATE INDEX orders_by_txn ON orders (txn_id);
CREATE INDEX orders_by_ref ON orders (provider_ref);
CREATE INDEX orders_by_rrn ON orders (upi_rrn);
CREATE TABLE order_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        order_id TEXT NOT NULL REFERENCES orders (order_id),
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT,
        provider_status TEXT NOT NULL DEFAULT '',
        outcome TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '');
CREATE INDEX order_events_by_order ON order_events (order_id, id);
CREATE TABLE refunds (
        unique_request_id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL REFERENCES orders (order_id),
        amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
        currency TEXT NOT NULL,
        state TEXT NOT NULL,
        provider_refund_id TEXT NOT NULL DEFAULT '',
        requested_by TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL);
CREATE INDEX refunds_by_order ON refunds (order_id);
CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        role TEXT NOT NULL,
        action TEXT NOT NULL,
        order_id TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '');
CREATE INDEX audit_log_by_at ON audit_log (at);
CREATE TRIGGER order_events_append_only BEFORE UPDATE ON order_events BEGIN SELECT RAISE(ABORT, 'order_events is append-only'); END;
CREATE TRIGGER order_events_no_delete BEFORE DELETE ON order_events BEGIN SELECT RAISE(ABORT, 'order_events is append-only'); END;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER orders_no_delete BEFORE DELETE ON orders BEGIN SELECT RAISE(ABORT, 'orders are never deleted'); END;
CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds BEGIN SELECT RAISE(ABORT, 'refunds are never deleted'); END;
PRAGMA application_id = 1129339185;
INSERT INTO orders (order_id, terminal, cashier, provider, method, amount_minor, currency, phone_sealed, phone_last4, state, provider_status, txn_id, txn_uuid, provider_ref, upi_rrn, auth_url, expires_at, verified, refunded_minor, note, created_at, updated_at) VALUES ('T01V1CHARGED', 'T01', 'asha', 'juspay-gpay', 'GOOGLEPAY', 14950, 'INR', NULL, '3210', 'charged', 'CHARGED', 'cp-T01V1CHARGED-1', 'mozj1', '', '612345678901', '', 1763700900000, 1, 0, '', 1763700000000, 1763700030000);
INSERT INTO orders (order_id, terminal, cashier, provider, method, amount_minor, currency, phone_sealed, phone_last4, state, provider_status, txn_id, txn_uuid, provider_ref, upi_rrn, auth_url, expires_at, verified, refunded_minor, note, created_at, updated_at) VALUES ('T01V1REFUNDED', 'T01', 'ravi', 'cmcom', 'UPI', 50000, 'INR', NULL, '', 'refunded', 'SUCCESS', '', '', 'CMREF1', '612345678902', '', NULL, 1, 50000, '', 1763700000000, 1763703600000);
INSERT INTO orders (order_id, terminal, cashier, provider, method, amount_minor, currency, phone_sealed, phone_last4, state, provider_status, txn_id, txn_uuid, provider_ref, upi_rrn, auth_url, expires_at, verified, refunded_minor, note, created_at, updated_at) VALUES ('T01V1UNKNOWN', 'T01', 'asha', 'juspay-cred', 'CRED', 999, 'INR', NULL, '0042', 'unknown', '', 'cp-T01V1UNKNOWN-1', '', '', '', '', NULL, 0, 0, '', 1763701000000, 1763701000000);
INSERT INTO order_events (order_id, at, kind, from_state, to_state, provider_status, outcome, detail) VALUES ('T01V1CHARGED', 1763700000000, 'created', NULL, 'created', '', '', '');
INSERT INTO order_events (order_id, at, kind, from_state, to_state, provider_status, outcome, detail) VALUES ('T01V1REFUNDED', 1763700000000, 'created', NULL, 'created', '', '', '');
INSERT INTO order_events (order_id, at, kind, from_state, to_state, provider_status, outcome, detail) VALUES ('T01V1UNKNOWN', 1763701000000, 'created', NULL, 'created', '', '', '');
INSERT INTO refunds (unique_request_id, order_id, amount_minor, currency, state, provider_refund_id, requested_by, created_at, updated_at) VALUES ('RFV1', 'T01V1REFUNDED', 50000, 'INR', 'succeeded', 'CMRF1', 'manager', 1763703600000, 1763703600000);
INSERT INTO audit_log (at, actor, role, action, order_id, detail) VALUES (1763703600000, 'meena', 'manager', 'refund', 'T01V1REFUNDED', 'full');
