//! Evidence files: kept once by their SHA-256 (the tables refuse a change), so the same file
//! given twice is stored once and its audit entry written once.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::write::insert_audit;
use super::{Outcome, SqlStore};
use crate::codec::timestamp_text;
use crate::{AuditEntry, EvidenceFile};

pub(super) async fn put_evidence_file(
    store: &SqlStore,
    file: &EvidenceFile,
    bytes: &[u8],
    audit: &AuditEntry,
) -> Outcome<()> {
    let mut tx = store.pool.begin().await?;
    let added = sqlx::query(
        "INSERT INTO evidence_files (sha256, name, content_type, size, bytes, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (sha256) DO NOTHING",
    )
    .bind(&file.sha256)
    .bind(&file.name)
    .bind(&file.content_type)
    .bind(i64::try_from(file.size).unwrap_or(i64::MAX))
    .bind(bytes)
    .bind(&audit.actor)
    .bind(timestamp_text(audit.at))
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if added > 0 {
        insert_audit(&mut tx, store.dialect, std::slice::from_ref(audit)).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub(super) async fn evidence_file_meta(
    store: &SqlStore,
    sha256: &str,
) -> Outcome<Option<EvidenceFile>> {
    let row = sqlx::query(
        "SELECT sha256, name, content_type, size FROM evidence_files WHERE sha256 = $1",
    )
    .bind(sha256)
    .fetch_optional(&store.pool)
    .await?;
    Ok(row.map(|r| evidence_from_row(&r)))
}

pub(super) async fn evidence_file(
    store: &SqlStore,
    sha256: &str,
) -> Outcome<Option<(EvidenceFile, Vec<u8>)>> {
    let row = sqlx::query("SELECT * FROM evidence_files WHERE sha256 = $1")
        .bind(sha256)
        .fetch_optional(&store.pool)
        .await?;
    Ok(row.map(|r| (evidence_from_row(&r), r.get::<Vec<u8>, _>("bytes"))))
}

fn evidence_from_row(row: &AnyRow) -> EvidenceFile {
    EvidenceFile {
        sha256: row.get("sha256"),
        name: row.get("name"),
        content_type: row.get("content_type"),
        size: u64::try_from(row.get::<i64, _>("size")).unwrap_or(0),
    }
}
