//! The `giamsat` command: wires the store, the application layer and the web server.

mod bench;
mod config;
mod digest;

use std::io::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use giamsat_app::{Actor, App, AppError, ImportKind, ImportOptions, RowError, SqlStore};
use giamsat_core::Language;
use giamsat_store::{Backup as _, ChangeFeed as _};

#[derive(Parser)]
#[command(
    name = "giamsat",
    version,
    about = "Monitoring how resolutions and plans are carried out"
)]
struct Cli {
    /// A TOML settings file (keys: db, addr, log, trusted_proxies); flags and GIAMSAT_* variables override it.
    #[arg(long, global = true, env = "GIAMSAT_CONFIG")]
    config: Option<PathBuf>,
    /// A tracing filter such as info, warn or giamsat_store=debug [default: info].
    #[arg(long, global = true, env = "GIAMSAT_LOG")]
    log: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account. Its password is generated and printed once; it is stored only as an
    /// Argon2id hash, so note it now.
    Add {
        #[arg(long, env = "GIAMSAT_DB")]
        db: Option<String>,
        /// The name to sign in with: letters a–z, digits, '.', '_' or '-'.
        username: String,
        /// admin, office, reporter, supervisor or viewer.
        #[arg(long)]
        role: String,
        /// The code of the unit whose subtree the role covers (VN for the whole country).
        /// Without it the role covers the whole tree, roots to come included: the first
        /// administrator of a new installation.
        #[arg(long)]
        scope: Option<String>,
        /// The name shown in the interface and the audit trail (default: the username).
        #[arg(long, default_value = "")]
        name: String,
        /// Who is creating it, for the audit trail (default: the login name).
        #[arg(long, env = "USER", default_value = "cli")]
        actor: String,
    },
}

#[derive(Subcommand)]
enum OrgsCommand {
    /// Load the 63 provinces before 1 July 2025, the 34 after, how the former became the
    /// latter, and the 3,321 communes of 2025. Units already present are kept.
    LoadVietnam {
        #[arg(long, env = "GIAMSAT_DB")]
        db: Option<String>,
        /// A folder with newer lists under the same names (provinces_legacy.csv,
        /// provinces_2025.csv, province_merges_2025.csv, communes_2025.csv); by default the
        /// lists compiled into giamsat (data/vietnam, July 2025).
        #[arg(long)]
        from: Option<PathBuf>,
        /// Who is loading, for the audit trail (default: the login name).
        #[arg(long, env = "USER", default_value = "cli")]
        actor: String,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Import throughput into an empty database: the demo is loaded, then monthly figures
    /// are imported as a CSV file through the application layer (read, checked, audited,
    /// committed, applied), then written straight to the store in batches.
    Import {
        #[arg(long, env = "GIAMSAT_DB")]
        db: Option<String>,
        /// Rows of the CSV import through the previous path (the whole file checked as one
        /// batch, for comparison).
        #[arg(long, default_value_t = 100_000)]
        csv_rows: usize,
        /// Rows of the CSV import through the streamed path, as `giamsat import` runs it.
        #[arg(long, default_value_t = 877_000)]
        streamed_rows: usize,
        /// Where to write the streamed import's CSV file (kept, for measuring `giamsat
        /// import` on it); a file beside the database, deleted after, by default.
        #[arg(long)]
        csv_out: Option<std::path::PathBuf>,
        /// Observations written straight to the store.
        #[arg(long, default_value_t = 400_000)]
        observations: usize,
        /// Observations per store commit.
        #[arg(long, default_value_t = 10_000)]
        batch: usize,
    },
    /// Generates a national-scale dataset into an empty database: the provinces and communes
    /// of 2025, indicators of mixed kinds, monthly figures from 2016, yearly targets and
    /// scenarios; deterministic from the seed. With --csv, also writes it as CSV files for
    /// the other engines of `scripts/bench analytics`.
    Generate {
        #[arg(long, env = "GIAMSAT_DB")]
        db: Option<String>,
        #[arg(long, value_enum, default_value = "national")]
        scale: bench::generate::Scale,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// A directory for units.csv, indicators.csv, observations.csv and targets.csv.
        #[arg(long)]
        csv: Option<std::path::PathBuf>,
        /// Records per store commit.
        #[arg(long, default_value_t = 100_000)]
        batch: usize,
    },
    /// Start-up time, memory per observation and the five questions of the analytics
    /// benchmark on a generated dataset (median of --runs), and whether a figure recorded
    /// through the application layer is in the next answer.
    Analytics {
        #[arg(long, env = "GIAMSAT_DB")]
        db: Option<String>,
        #[arg(long, default_value_t = 50)]
        runs: usize,
        /// Writes the answers and timings as JSON, for comparison with the other engines.
        #[arg(long)]
        out: Option<std::path::PathBuf>,
    },
    /// Drives a running server as its users do: signed in through the sign-in form, several
    /// clients reading pages in turn, one of them writing a figure now and then and reading
    /// it back; prints pages and writes per second, latencies, and the server's memory.
    Load {
        /// The server, `http://127.0.0.1:8080`.
        #[arg(long)]
        url: String,
        #[arg(long)]
        username: String,
        /// The password (better given in the environment).
        #[arg(long, env = "GIAMSAT_PASSWORD", hide_env_values = true)]
        password: String,
        /// The pages read in turn, comma-separated paths.
        #[arg(
            long,
            value_delimiter = ',',
            default_value = "/,/rankings,/units,/documents,/tasks,/supervision"
        )]
        pages: Vec<String>,
        #[arg(long, default_value_t = 16)]
        clients: usize,
        /// Seconds measured, after the warm-up.
        #[arg(long, default_value_t = 30)]
        seconds: u64,
        #[arg(long, default_value_t = 5)]
        warm_up: u64,
        /// One figure written every this many pages the first client reads (0: none).
        #[arg(long, default_value_t = 50)]
        write_every: u64,
        /// The cell written, `INDICATOR,UNIT,PERIOD` as codes.
        #[arg(long)]
        cell: Option<String>,
        /// The server's process id, to sample its resident memory.
        #[arg(long)]
        pid: Option<u32>,
        /// Seconds between progress lines.
        #[arg(long, default_value_t = 60)]
        report_every: u64,
        /// Fails when the server's memory at the end is more than this many percent above
        /// its memory after the warm-up.
        #[arg(long)]
        memory_growth_limit: Option<f64>,
    },
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web interface and the JSON API.
    Serve {
        /// The database: a SQLite file, created if missing [default: giamsat.db], or
        /// postgres://USER@HOST/DATABASE (PostgreSQL 15 or newer; several giamsat processes
        /// may serve one PostgreSQL database).
        #[arg(long, env = "GIAMSAT_DB")]
        db: Option<String>,
        /// Where to listen [default: 127.0.0.1:8080].
        #[arg(long, env = "GIAMSAT_ADDR")]
        addr: Option<SocketAddr>,
        /// Load the demo data first if the database is empty.
        #[arg(long)]
        demo: bool,
        /// Reverse proxies whose X-Forwarded-For names the client (for throttling failed
        /// sign-ins), comma-separated addresses or CIDR ranges [default: none].
        #[arg(long, env = "GIAMSAT_TRUSTED_PROXIES", value_delimiter = ',')]
        trusted_proxies: Option<Vec<String>>,
    },
    /// Send now the day's e-mail digests that were not sent yet, through the [smtp] server of
    /// the settings file.
    Digest {
        #[arg(long, env = "GIAMSAT_DB")]
        db: Option<String>,
        /// The day whose inbox is sent, YYYY-MM-DD [default: today, Vietnam time].
        #[arg(long)]
        date: Option<String>,
    },
    /// Load the demo data (the facts of the seed reports) into an empty database.
    Demo {
        #[arg(long, env = "GIAMSAT_DB")]
        db: Option<String>,
    },
    /// Accounts: who may sign in, with which role over which part of the tree.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// The organisation tree: load Vietnam's official lists of administrative units.
    Orgs {
        #[command(subcommand)]
        command: OrgsCommand,
    },
    /// Import a CSV file. With any invalid row nothing is written, unless --skip-invalid.
    Import {
        #[arg(long, env = "GIAMSAT_DB")]
        db: Option<String>,
        /// units, indicators, documents, targets, observations or scorecards.
        kind: ImportKind,
        file: PathBuf,
        /// Write the valid rows and put the invalid ones in a rejects file.
        #[arg(long)]
        skip_invalid: bool,
        /// Where to write the rejected rows (default: FILE.rejects.csv).
        #[arg(long, requires = "skip_invalid")]
        rejects: Option<PathBuf>,
        /// Only check the file: report every problem, write nothing.
        #[arg(long, conflicts_with = "skip_invalid")]
        check: bool,
        /// How the file writes numbers: en (36539.5), vi (36.539,5) or fr (36 539,5).
        #[arg(long, default_value = "en")]
        number_format: Language,
        /// Who is importing, for the audit trail (default: the login name).
        #[arg(long, env = "USER", default_value = "cli")]
        actor: String,
        /// csv, or for observations DHIS2 dataValueSets JSON (dhis2) or SDMX-CSV 2.0 (sdmx),
        /// all or nothing.
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
    },
    /// Back up every record, account, session, token and evidence file to FILE (JSON lines),
    /// as one consistent state, while giamsat keeps serving.
    Backup {
        #[arg(long, env = "GIAMSAT_DB")]
        db: Option<String>,
        file: PathBuf,
    },
    /// Restore a backup into an empty database, SQLite or PostgreSQL, whichever the backup
    /// came from: all of it, or nothing when the file is damaged.
    Restore {
        #[arg(long, env = "GIAMSAT_DB")]
        db: Option<String>,
        file: PathBuf,
    },
    /// Measurements for docs/benchmarks.md.
    Bench {
        #[command(subcommand)]
        command: BenchCommand,
    },
    /// Read reports (plain text or HTML, UTF-8 or Windows-1258): prints, as a JSON array, each
    /// file's language, text and the dates, periods, document references, people, figures,
    /// scorecards and growth rankings found in it with their character offsets (schema:
    /// docs/intake.md). Nothing is recorded: a person accepts items on the review page.
    Intake {
        /// Link the people read to those this database knows (each person's `known`); it is
        /// only read, and must exist.
        #[arg(long, env = "GIAMSAT_DB")]
        db: Option<String>,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Export records as CSV, in the columns import reads.
    Export {
        #[arg(long, env = "GIAMSAT_DB")]
        db: Option<String>,
        kind: ImportKind,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// csv, or for observations the current figures as DHIS2 dataValueSets JSON (dhis2)
        /// or SDMX-CSV 2.0 (sdmx); figures of periods the format cannot name are left out
        /// and counted on standard error.
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
    },
}

/// The format of an import or export file.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Csv,
    Dhis2,
    Sdmx,
}

#[derive(Debug, thiserror::Error)]
enum CliError {
    #[error(transparent)]
    App(#[from] AppError),
    #[error("{path}: {source}")]
    File {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error(transparent)]
    Backup(#[from] BackupFailed),
    #[error("{file}: {source}")]
    Intake {
        file: String,
        #[source]
        source: giamsat_intake::DecodeError,
    },
    #[error(transparent)]
    Digest(#[from] digest::DigestError),
    #[error("{0}")]
    Other(String),
}

fn file_error(path: &Path) -> impl FnOnce(std::io::Error) -> CliError + '_ {
    move |source| CliError::File {
        path: path.display().to_string(),
        source,
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{file}: {source}")]
struct BackupFailed {
    file: String,
    #[source]
    source: giamsat_store::BackupError,
}

async fn open(db: &str) -> Result<App<SqlStore>, CliError> {
    let store = SqlStore::open(db).await.map_err(AppError::from)?;
    Ok(App::open(store).await?)
}

#[tokio::main]
async fn main() -> ExitCode {
    match run(Cli::parse()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::App(AppError::Import { errors, .. })) => {
            for error in &errors {
                eprintln!("{error}");
            }
            eprintln!("{} problem(s); nothing was imported", errors.len());
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The settings for a command, and logging started with them.
fn settings(
    cli_config: Option<&Path>,
    log: Option<String>,
    db: Option<String>,
    addr: Option<SocketAddr>,
    trusted_proxies: Option<Vec<String>>,
) -> Result<config::Settings, CliError> {
    let settings = config::load(cli_config, db, addr, log, trusted_proxies)?;
    let filter = tracing_subscriber::EnvFilter::try_new(&settings.log)
        .map_err(|e| CliError::Other(format!("log filter \"{}\": {e}", settings.log)))?;
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    Ok(settings)
}

/// Applies other processes' commits as they are announced, so an idle process is current
/// too; each request also catches up before it reads.
async fn follow_other_processes(
    mut changes: impl giamsat_store::ChangeListener,
    state: std::sync::Arc<giamsat_web::WebState<SqlStore>>,
) {
    loop {
        match changes.next().await {
            Ok(_) => {
                if let Err(error) = state.app.catch_up().await {
                    tracing::warn!(%error, "applying another process's commit failed");
                }
            }
            Err(error) => {
                tracing::warn!(%error, "listening for other processes' commits failed; retrying");
                tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            }
        }
    }
}

/// Writes the backup beside its destination and renames it into place when complete, so a
/// failed backup never leaves a file that looks whole.
async fn backup(store: &SqlStore, file: &Path) -> Result<giamsat_store::BackupSummary, CliError> {
    let failed = |source| BackupFailed {
        file: file.display().to_string(),
        source,
    };
    let partial = file.with_extension("partial");
    let out = std::fs::File::create(&partial).map_err(file_error(&partial))?;
    let mut out = std::io::BufWriter::new(out);
    let summary = match store.backup(&mut out).await {
        Ok(summary) => summary,
        Err(e) => {
            drop(out);
            let _ = std::fs::remove_file(&partial);
            return Err(failed(e).into());
        }
    };
    let out = out.into_inner().map_err(|e| CliError::File {
        path: partial.display().to_string(),
        source: e.into_error(),
    })?;
    out.sync_all().map_err(file_error(&partial))?;
    std::fs::rename(&partial, file).map_err(file_error(file))?;
    Ok(summary)
}

async fn run(cli: Cli) -> Result<(), CliError> {
    let config = cli.config.as_deref();
    let log = cli.log;
    match cli.command {
        Command::Serve {
            db,
            addr,
            demo,
            trusted_proxies,
        } => serve(settings(config, log, db, addr, trusted_proxies)?, demo).await,
        Command::Backup { db, file } => {
            let db = settings(config, log, db, None, None)?.db;
            let store = SqlStore::open(&db).await.map_err(AppError::from)?;
            let summary = backup(&store, &file).await?;
            println!(
                "backed up {} rows of {} tables from {} to {}",
                summary.rows,
                summary.tables,
                giamsat_store::redact(&db),
                file.display()
            );
            Ok(())
        }
        Command::Restore { db, file } => {
            let db = settings(config, log, db, None, None)?.db;
            let input = std::fs::File::open(&file).map_err(file_error(&file))?;
            let store = SqlStore::open(&db).await.map_err(AppError::from)?;
            // Part of the bulk path: the restore leaves its own audit entry, naming the file.
            let origin = giamsat_store::BulkOrigin {
                actor: "restore".into(),
                source: file.display().to_string(),
                at: time::OffsetDateTime::now_utc(),
            };
            let summary = store
                .restore(std::io::BufReader::new(input), &origin)
                .await
                .map_err(|source| BackupFailed {
                    file: file.display().to_string(),
                    source,
                })?;
            println!(
                "restored {} rows of {} tables into {}",
                summary.rows,
                summary.tables,
                giamsat_store::redact(&db)
            );
            Ok(())
        }
        Command::Bench {
            command:
                BenchCommand::Import {
                    db,
                    csv_rows,
                    streamed_rows,
                    csv_out,
                    observations,
                    batch,
                },
        } => {
            let db = settings(config, log, db, None, None)?.db;
            let rows = bench::ImportRows {
                whole: csv_rows,
                streamed: streamed_rows,
                store: observations,
            };
            bench::import(&db, rows, csv_out, batch).await
        }
        Command::Bench {
            command:
                BenchCommand::Load {
                    url,
                    username,
                    password,
                    pages,
                    clients,
                    seconds,
                    warm_up,
                    write_every,
                    cell,
                    pid,
                    report_every,
                    memory_growth_limit,
                },
        } => {
            let cell = match cell.as_deref().map(|c| c.split(',').collect::<Vec<_>>()) {
                None => None,
                Some(parts) if parts.len() == 3 => Some((
                    parts[0].to_owned(),
                    parts[1].to_owned(),
                    parts[2].to_owned(),
                )),
                Some(_) => {
                    return Err(CliError::Other(
                        "--cell: write INDICATOR,UNIT,PERIOD".to_owned(),
                    ));
                }
            };
            bench::load::run(bench::load::LoadPlan {
                url: url.trim_end_matches('/').to_owned(),
                username,
                password,
                pages,
                clients,
                duration: std::time::Duration::from_secs(seconds),
                write_every: if cell.is_some() { write_every } else { 0 },
                cell,
                pid,
                report_every: std::time::Duration::from_secs(report_every.max(1)),
                warm_up: std::time::Duration::from_secs(warm_up),
                memory_growth_limit,
            })
            .await
        }
        Command::Bench {
            command: BenchCommand::Analytics { db, runs, out },
        } => {
            let db = settings(config, log, db, None, None)?.db;
            bench::analytics::analytics(&db, runs, out.as_deref()).await
        }
        Command::Bench {
            command:
                BenchCommand::Generate {
                    db,
                    scale,
                    seed,
                    csv,
                    batch,
                },
        } => {
            let db = settings(config, log, db, None, None)?.db;
            let started = std::time::Instant::now();
            let made =
                bench::generate::generate(&db, scale, seed, csv.as_deref(), batch.max(1)).await?;
            println!(
                "{db}: {} units, {} indicators, {} targets, {} observations in {:.1} s",
                made.units,
                made.indicators,
                made.targets,
                made.observations,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Digest { db, date } => {
            let settings = settings(config, log, db, None, None)?;
            let day = match date {
                Some(text) => giamsat_app::input::parse_date(&text)
                    .map_err(|e| CliError::Other(format!("--date {text}: {e}")))?,
                None => giamsat_web::state::today(),
            };
            let smtp = settings.smtp.as_ref().ok_or_else(|| {
                CliError::Other(
                    "no [smtp] settings in the settings file (--config): no digest can be sent"
                        .into(),
                )
            })?;
            let mailer = digest::Mailer::new(smtp, &format!("http://{}", settings.addr))?;
            let app = open(&settings.db).await?;
            let i18n =
                giamsat_web::i18n::I18n::new().map_err(|e| CliError::Other(e.to_string()))?;
            let done = digest::send_digests(&app, &i18n, &mailer, day).await?;
            println!(
                "{day}: {} digest(s) sent, {} sent before, {} failed",
                done.sent, done.already, done.failed
            );
            if done.failed > 0 {
                return Err(CliError::Other(format!(
                    "{} digest(s) could not be sent",
                    done.failed
                )));
            }
            Ok(())
        }
        Command::Demo { db } => {
            let db = settings(config, log, db, None, None)?.db;
            let app = open(&db).await?;
            let written = app.load_demo(&Actor::named("demo")).await?;
            if written == 0 {
                println!("{db} already holds data; the demo was not loaded");
            } else {
                println!("loaded {written} demo records into {db}");
            }
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Add {
                    db,
                    username,
                    role,
                    scope,
                    name,
                    actor,
                },
        } => {
            let db = settings(config, log, db, None, None)?.db;
            let app = open(&db).await?;
            let (account, password) = app
                .add_account(
                    &Actor::named(&actor),
                    &username,
                    &name,
                    &[(role.clone(), scope.clone())],
                )
                .await?;
            let scope = scope.as_deref().unwrap_or("the whole tree");
            println!(
                "created {} ({role} over {scope}) in {db}\npassword (shown this once): {password}",
                account.username
            );
            Ok(())
        }
        Command::Orgs {
            command: OrgsCommand::LoadVietnam { db, from, actor },
        } => {
            let db = settings(config, log, db, None, None)?.db;
            let lists = match &from {
                Some(dir) => giamsat_app::vietnam::Lists::from_dir(dir)?,
                None => giamsat_app::vietnam::Lists::embedded(),
            };
            let app = open(&db).await?;
            let report = app.load_vietnam(&Actor::named(&actor), &lists).await?;
            println!(
                "{db}: {} units created, {} already present; {} successions recorded",
                report.units_created, report.units_kept, report.successions_created
            );
            for difference in &report.differing {
                eprintln!("warning: {difference}; it was kept as it is");
            }
            Ok(())
        }
        Command::Import {
            db,
            kind,
            file,
            skip_invalid,
            rejects,
            check,
            number_format,
            actor,
            format,
        } => {
            let db = settings(config, log, db, None, None)?.db;
            let name = file.display().to_string();
            if format != Format::Csv {
                exchange_format_only(kind, skip_invalid || check)?;
                let data = std::fs::read(&file).map_err(file_error(&file))?;
                let app = open(&db).await?;
                return import_exchange(&app, &Actor::named(&actor), format, &name, &data).await;
            }
            let app = open(&db).await?;
            if check {
                let data = std::fs::read(&file).map_err(file_error(&file))?;
                let errors = giamsat_app::exchange::check_file(
                    &app.engine(),
                    kind,
                    &name,
                    &data,
                    number_format,
                );
                if errors.is_empty() {
                    println!("{name}: no problems found");
                    return Ok(());
                }
                return Err(AppError::Import { file: name, errors }.into());
            }
            // Read as it is imported, in chunks: a file of any size is never held whole.
            let input = std::fs::File::open(&file).map_err(file_error(&file))?;
            let report = app
                .import_reader(
                    &Actor::named(&actor),
                    kind,
                    &name,
                    std::io::BufReader::with_capacity(1 << 20, input),
                    ImportOptions {
                        skip_invalid,
                        numbers: number_format,
                    },
                )
                .await?;
            println!("imported {} {} from {name}", report.accepted, kind.as_str());
            if !report.rejected.is_empty() {
                let path = rejects.unwrap_or_else(|| {
                    let mut p = file.clone().into_os_string();
                    p.push(".rejects.csv");
                    PathBuf::from(p)
                });
                let data = std::fs::read(&file).map_err(file_error(&file))?;
                write_rejects(&path, &data, &report.rejected)?;
                for error in &report.rejected {
                    eprintln!("{error}");
                }
                println!(
                    "rejected {} row(s), written to {}",
                    report.rejected.len(),
                    path.display()
                );
            }
            Ok(())
        }
        Command::Intake { db, files } => intake(config, log, db, &files).await,
        Command::Export {
            db,
            kind,
            output,
            format,
        } => {
            let db = settings(config, log, db, None, None)?.db;
            let app = open(&db).await?;
            let csv = match format {
                Format::Csv => app.export(kind).await?,
                Format::Dhis2 | Format::Sdmx => {
                    exchange_format_only(kind, false)?;
                    export_exchange(&app, format).await?
                }
            };
            match output {
                Some(path) => std::fs::write(&path, csv).map_err(file_error(&path))?,
                None => print!("{csv}"),
            }
            Ok(())
        }
    }
}

/// Refuses what the exchange formats do not carry: anything but observations, and the
/// options of the CSV import.
fn exchange_format_only(kind: ImportKind, csv_options: bool) -> Result<(), CliError> {
    if kind != ImportKind::Observations {
        return Err(CliError::Other(
            "--format dhis2 and --format sdmx carry observations only".into(),
        ));
    }
    if csv_options {
        return Err(CliError::Other(
            "--skip-invalid and --check are for CSV files; DHIS2 and SDMX imports are all or nothing"
                .into(),
        ));
    }
    Ok(())
}

/// The current figures in an exchange format; how many were left out goes to standard error.
async fn export_exchange(app: &App<SqlStore>, format: Format) -> Result<String, CliError> {
    let (text, skipped) = match format {
        Format::Dhis2 => {
            let export = app.export_dhis2().await?;
            let json = serde_json::to_string_pretty(&export.set)
                .map_err(|e| CliError::Other(e.to_string()))?;
            (json + "\n", export.skipped)
        }
        Format::Sdmx | Format::Csv => {
            let export = app.export_sdmx().await?;
            (export.csv, export.skipped)
        }
    };
    if skipped > 0 {
        eprintln!("left out {skipped} figure(s) whose period the format cannot name");
    }
    Ok(text)
}

async fn import_exchange(
    app: &App<SqlStore>,
    actor: &Actor,
    format: Format,
    name: &str,
    data: &[u8],
) -> Result<(), CliError> {
    let count = match format {
        Format::Dhis2 => {
            let summary = app.import_dhis2(actor, name, data).await?;
            if !summary.is_success() {
                for c in &summary.conflicts {
                    let at = c
                        .indexes
                        .iter()
                        .map(|i| format!("dataValues[{i}]"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let field = c.property.as_deref().unwrap_or("");
                    eprintln!("{name}: {at}: {field}: {} ({})", c.value, c.object);
                }
                return Err(CliError::Other(format!(
                    "{name}: {} conflict(s); nothing was imported",
                    summary.conflicts.len()
                )));
            }
            summary.import_count
        }
        Format::Sdmx | Format::Csv => app.import_sdmx(actor, name, data).await?,
    };
    println!(
        "{name}: imported {}, updated {}, ignored {} (already current)",
        count.imported, count.updated, count.ignored
    );
    Ok(())
}

/// `giamsat serve`: the engine loaded, the demo and its accounts if asked, other processes
/// followed, then the web server until a signal stops it.
async fn serve(settings: config::Settings, demo: bool) -> Result<(), CliError> {
    let config::Settings {
        db,
        addr,
        trusted_proxies,
        smtp,
        ..
    } = settings;
    let store = SqlStore::open(&db).await.map_err(AppError::from)?;
    // Listening starts before the engine is loaded, so no commit of another process
    // falls between the two.
    let changes = store.listen().await.map_err(AppError::from)?;
    let app = App::open(store).await?;
    let mut accounts = Vec::new();
    if demo {
        let written = app.load_demo(&Actor::named("demo")).await?;
        if written > 0 {
            tracing::info!(records = written, "demo data loaded");
        }
        // Quảng Ninh: the province the demo's reporter, supervisor and viewer cover.
        accounts = app.demo_accounts("22").await?;
    }
    let state = std::sync::Arc::new(giamsat_web::WebState {
        app,
        i18n: giamsat_web::i18n::I18n::new().map_err(|e| CliError::Other(e.to_string()))?,
        trusted_proxies,
        metrics: giamsat_web::metrics::Metrics::default(),
    });
    if let Some(changes) = changes {
        tokio::spawn(follow_other_processes(changes, state.clone()));
    }
    // Without [smtp] settings there is no job: the inbox alone works.
    if let Some(smtp) = &smtp {
        let mailer = digest::Mailer::new(smtp, &format!("http://{addr}"))?;
        let at = smtp.send_at().map_err(CliError::Other)?;
        tokio::spawn(digest::daily(state.clone(), mailer, at));
    }
    let saver = state.clone();
    tokio::spawn(async move {
        if let Err(e) = saver.app.save_checkpoint_if_due().await {
            tracing::warn!(%e, "the engine's checkpoint was not saved");
        }
    });
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| CliError::Listen { addr, source })?;
    let local = listener
        .local_addr()
        .map_err(|source| CliError::Listen { addr, source })?;
    // Written without println!, which would stop the server if no one reads them.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "giamsat is serving http://{local}/ (database {})",
        giamsat_store::redact(&db)
    );
    if !accounts.is_empty() {
        let _ = writeln!(
            out,
            "demo accounts (passwords new at every start, shown this once):"
        );
        for (username, role, password) in &accounts {
            let _ = writeln!(out, "  {username:<18} {:<10} {password}", role.as_str());
        }
    }
    let _ = out.flush();
    drop(out);
    giamsat_web::serve(state, listener, shutdown())
        .await
        .map_err(|source| CliError::Listen { addr, source })?;
    Ok(())
}

/// `giamsat intake`: each report read and printed as JSON, its people linked to a database's
/// when one is named (read only).
async fn intake(
    config: Option<&Path>,
    log: Option<String>,
    db: Option<String>,
    files: &[PathBuf],
) -> Result<(), CliError> {
    let app = match db {
        Some(db) => {
            let db = settings(config, log, Some(db), None, None)?.db;
            if SqlStore::sqlite_file_of(&db).is_some_and(|p| !p.exists()) {
                return Err(CliError::Other(format!("{db}: no such database")));
            }
            Some(open(&db).await?)
        }
        None => None,
    };
    let mut readings = Vec::with_capacity(files.len());
    for file in files {
        let name = file.display().to_string();
        let size = std::fs::metadata(file).map_err(file_error(file))?.len();
        if size > giamsat_intake::MAX_BYTES as u64 {
            return Err(CliError::Intake {
                file: name,
                source: giamsat_intake::DecodeError::TooLarge {
                    size: usize::try_from(size).unwrap_or(usize::MAX),
                },
            });
        }
        let bytes = std::fs::read(file).map_err(file_error(file))?;
        let mut reading = giamsat_intake::read(&bytes).map_err(|source| CliError::Intake {
            file: name.clone(),
            source,
        })?;
        if let Some(app) = &app {
            app.link_people(&mut reading);
        }
        readings.push(serde_json::json!({ "file": name, "reading": reading }));
    }
    let json =
        serde_json::to_string_pretty(&readings).map_err(|e| CliError::Other(e.to_string()))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}").map_err(|source| CliError::File {
        path: "standard output".into(),
        source,
    })?;
    Ok(())
}

/// The rejected rows with the file's own header and an `error` column, so they can be fixed
/// and imported again.
fn write_rejects(path: &Path, data: &[u8], rejected: &[RowError]) -> Result<(), CliError> {
    let header: Vec<String> = csv::ReaderBuilder::new()
        .from_reader(data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data))
        .headers()
        .map(|h| h.iter().map(str::to_owned).collect())
        .unwrap_or_default();
    let mut writer = csv::Writer::from_path(path)
        .map_err(|e| CliError::Other(format!("{}: {e}", path.display())))?;
    let write_error = |e: csv::Error| CliError::Other(format!("{}: {e}", path.display()));
    let mut columns = header;
    columns.push("error".to_owned());
    writer.write_record(&columns).map_err(write_error)?;
    // One row per rejected line, with all its problems.
    let mut lines: Vec<u64> = rejected.iter().map(|r| r.line).collect();
    lines.dedup();
    for line in lines {
        let problems: Vec<&RowError> = rejected.iter().filter(|r| r.line == line).collect();
        // The cells are what the file said, defused as every CSV export is (a spreadsheet
        // opens the rejects to fix them); an import takes the apostrophe off again.
        let mut row: Vec<String> = problems[0]
            .row
            .iter()
            .zip(&columns)
            .map(|(cell, column)| {
                // As read (a marked cell unmarked), then marked as an export marks it.
                let cell = giamsat_app::exchange::undefuse(cell).to_owned();
                if giamsat_app::exchange::NUMBER_COLUMNS.contains(&column.as_str()) {
                    giamsat_app::exchange::defuse_number(cell)
                } else {
                    giamsat_app::exchange::defuse(cell)
                }
            })
            .collect();
        row.resize(columns.len() - 1, String::new());
        row.push(giamsat_app::exchange::defuse(
            problems
                .iter()
                .map(|p| {
                    if p.field.is_empty() {
                        p.message.clone()
                    } else {
                        format!("{}: {}", p.field, p.message)
                    }
                })
                .collect::<Vec<_>>()
                .join("; "),
        ));
        writer.write_record(&row).map_err(write_error)?;
    }
    writer.flush().map_err(file_error(path))?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
