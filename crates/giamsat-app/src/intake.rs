//! Reports read for review (issue: reading reports). A report's text is kept, by its
//! content, with the evidence files; the items read from it are never recorded by
//! themselves. A person accepts each one through the ordinary writes (people, documents,
//! observations), whose source cites the report and the characters the item came from.

pub mod prefill;

use std::sync::{Arc, Mutex};

use giamsat_intake::Reading;

use crate::follow_up::MAX_EVIDENCE_BYTES;
use crate::problem::number;
use crate::{Actor, App, AppError, FieldError, Problem, Store, Thing};

/// A report kept for review.
#[derive(Debug, Clone)]
pub struct Report {
    /// The SHA-256 of the text kept: the report's address, `/intake/{sha256}`.
    pub sha256: String,
    pub name: String,
    pub reading: Reading,
    /// The units the text names, found once for each state of the engine's names: a long
    /// report is reviewed a part at a time, and finding them costs a scan of the whole text.
    mentions: Arc<Mutex<Option<KeptMentions>>>,
}

/// Mentions found, with the engine's `names_version` they were found at.
type KeptMentions = (u64, Arc<prefill::Mentions>);

impl Report {
    /// The administrative units the text names ([`prefill::Mentions::in_text`]), found again
    /// only when the engine's names have changed since they were last found.
    pub fn mentions(&self, engine: &giamsat_core::Engine) -> Arc<prefill::Mentions> {
        let version = engine.names_version();
        let mut kept = self
            .mentions
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((at, found)) = kept.as_ref()
            && *at == version
        {
            return Arc::clone(found);
        }
        let found = Arc::new(prefill::Mentions::in_text(engine, &self.reading.text));
        *kept = Some((version, Arc::clone(&found)));
        found
    }
}

/// How many readings of reports [`App::report`] keeps in memory: at most 10 MB of text each.
pub const READINGS_KEPT: usize = 4;

/// The source a record accepted from a report cites: the report's page and the characters
/// of the item, so that a reader can follow it back to the words.
pub fn source_of(sha256: &str, start: usize, end: usize) -> String {
    format!("/intake/{sha256}#c{start}-{end}")
}

/// A record an item of a report became when a person accepted it.
#[derive(Debug, Clone, PartialEq)]
pub enum Became {
    Person(giamsat_core::FollowUpId),
    Document(giamsat_core::DocumentId),
    Target(giamsat_core::TargetId),
    Scorecard {
        unit: giamsat_core::UnitId,
        period: giamsat_core::Period,
    },
    Figure {
        indicator: giamsat_core::IndicatorId,
        unit: giamsat_core::UnitId,
        period: giamsat_core::Period,
        value: f64,
    },
}

/// The characters `(start, end)` of the item a source written by [`source_of`] for the
/// report `sha256` cites; `None` for a source citing anything else.
pub fn cited_item(sha256: &str, source: &str) -> Option<(usize, usize)> {
    let span = source
        .strip_prefix("/intake/")?
        .strip_prefix(sha256)?
        .strip_prefix("#c")?;
    let (start, end) = span.split_once('-')?;
    Some((start.parse().ok()?, end.parse().ok()?))
}

impl<S: Store> App<S> {
    /// What each item of the report `sha256` became, by the item's characters, in the order
    /// recorded: read from the records' sources, so it holds whoever accepted the item and
    /// whenever, across restarts, and needs no record of its own.
    pub async fn accepted_from(
        &self,
        sha256: &str,
    ) -> Result<Vec<((usize, usize), Became)>, AppError> {
        let mut found = Vec::new();
        {
            let engine = self.engine();
            let mut cite = |source: &str, became: Became| {
                if let Some(span) = cited_item(sha256, source) {
                    found.push((span, became));
                }
            };
            for p in engine.follow_up().people() {
                cite(&p.provenance.source, Became::Person(p.id));
            }
            for d in engine.documents() {
                cite(&d.provenance.source, Became::Document(d.id));
            }
            for t in engine.targets() {
                cite(&t.provenance.source, Became::Target(t.id));
            }
            for c in engine.reported_scorecards() {
                cite(
                    &c.provenance.source,
                    Became::Scorecard {
                        unit: c.unit,
                        period: c.period,
                    },
                );
            }
        }
        // The engine keeps no figure's source: the store finds them by it.
        let figures = self
            .store()
            .observations_citing(&format!("/intake/{sha256}#"))
            .await?;
        for o in figures {
            if let Some(span) = cited_item(sha256, &o.provenance.source) {
                found.push((
                    span,
                    Became::Figure {
                        indicator: o.indicator,
                        unit: o.unit,
                        period: o.period,
                        value: o.value,
                    },
                ));
            }
        }
        Ok(found)
    }

    /// Reads an uploaded report and keeps its text (as read: NFC, markup and boilerplate
    /// removed; kept as plain text, so that a browser never runs what an uploaded page held) so that the review can show it and accepted records can cite it. A file that
    /// cannot be read is refused with the reason and nothing is kept. Viewers upload nothing.
    pub async fn take_report(
        &self,
        actor: &Actor,
        name: &str,
        bytes: &[u8],
    ) -> Result<Report, AppError> {
        let invalid = |problem: Problem| AppError::Invalid(vec![FieldError::new("file", problem)]);
        let reading = giamsat_intake::read(bytes).map_err(|e| invalid(Problem::of_decode(&e)))?;
        if reading.text.len() > MAX_EVIDENCE_BYTES {
            return Err(invalid(Problem::ReportTooLarge {
                size_mb: number(reading.text.len() / 1024 / 1024),
                max_mb: number(MAX_EVIDENCE_BYTES / 1024 / 1024),
            }));
        }
        let stem = name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or("")
            .rsplit_once('.')
            .map_or(name, |(stem, _)| stem);
        let kept_name = format!(
            "{}.txt",
            if stem.trim().is_empty() {
                "report"
            } else {
                stem
            }
        );
        let kept = self
            .put_evidence_file(actor, &kept_name, reading.text.as_bytes())
            .await?;
        let giamsat_core::follow_up::Evidence::File { sha256, name, .. } = kept else {
            return Err(AppError::Invalid(vec![FieldError::new(
                "file",
                Problem::ReportNotKept,
            )]));
        };
        let mut reading = reading;
        self.link_people(&mut reading);
        Ok(Report {
            sha256,
            name,
            reading,
            mentions: Arc::default(),
        })
    }

    /// A report kept by [`App::take_report`], read again; people are linked to those the
    /// follow-up book knows.
    ///
    /// The last [`READINGS_KEPT`] readings are kept in memory: a long report is reviewed a
    /// part at a time, and reading it again for every part would cost a fraction of a
    /// second a megabyte each time. A kept file never changes (its address is its SHA-256),
    /// so a kept reading is always true of it; only the people links are made afresh.
    pub async fn report(&self, sha256: &str) -> Result<Report, AppError> {
        let kept = self
            .readings
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .iter()
            .find(|r| r.sha256 == sha256)
            .cloned();
        if let Some(mut report) = kept {
            self.link_people(&mut report.reading);
            return Ok(report);
        }
        let (file, bytes) = self.evidence_file(sha256).await?;
        let not_a_report = || AppError::NotFound {
            what: Thing::Report,
            key: sha256.to_owned(),
        };
        if !file.content_type.starts_with("text/plain") {
            return Err(not_a_report());
        }
        let text = String::from_utf8(bytes).map_err(|_| not_a_report())?;
        let mut report = Report {
            sha256: file.sha256,
            name: file.name,
            reading: giamsat_intake::read_text(text, "utf-8"),
            mentions: Arc::default(),
        };
        {
            let mut kept = self
                .readings
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if kept.len() >= READINGS_KEPT {
                kept.pop_front();
            }
            kept.push_back(report.clone());
        }
        self.link_people(&mut report.reading);
        Ok(report)
    }

    /// Links the people of a reading to the people the follow-up book knows, by person key.
    pub fn link_people(&self, reading: &mut Reading) {
        let engine = self.engine();
        // One key per known person, made once rather than once per name read; the first
        // recorded wins, as `FollowUpBook::person_named` finds it.
        let mut known = std::collections::HashMap::new();
        for person in engine.follow_up().people() {
            known
                .entry(giamsat_core::follow_up::person_key(&person.name))
                .or_insert(u64::from(person.id.0));
        }
        reading.link_people(|key| known.get(key).copied());
    }
}
