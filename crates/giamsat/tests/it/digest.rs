//! The daily digest by e-mail, end to end: a real SMTP server (Python's aiosmtpd, receiving on
//! 127.0.0.1 into a folder), the `giamsat digest` command reading its `[smtp]` settings, and
//! what arrived read back: the recipient, the items, the language. A second run sends nothing,
//! as a restart of the server's daily job would not.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use giamsat_app::{Actor, App, SqlStore};

use crate::cli::giamsat;

/// The receiver: every message decoded by Python's own e-mail package into one JSON file
/// (envelope recipients, To, Subject, the text), so the test reads what a mail reader shows.
const RECEIVER: &str = r#"
import asyncio, email, email.policy, json, os, sys, time
from aiosmtpd.controller import Controller

out, port = sys.argv[1], int(sys.argv[2])

class Keep:
    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        kept = {
            "rcpt": envelope.rcpt_tos,
            "from": str(message["From"]),
            "to": str(message["To"]),
            "subject": str(message["Subject"]),
            "body": body.get_content() if body is not None else "",
        }
        name = os.path.join(out, "%d.json" % time.time_ns())
        with open(name + ".part", "w", encoding="utf-8") as f:
            json.dump(kept, f, ensure_ascii=False)
        os.rename(name + ".part", name)
        return "250 Message accepted"

controller = Controller(Keep(), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
sys.stdin.read()
controller.stop()
"#;

/// The Python that has aiosmtpd: scripts/test finds it (GIAMSAT_TEST_PYTHON), else the one on
/// PATH or Debian's. None means the test fails and says how to get it, never a skip.
fn python() -> String {
    let candidates = std::env::var("GIAMSAT_TEST_PYTHON")
        .into_iter()
        .chain(["python3".to_owned(), "/usr/bin/python3".to_owned()]);
    for py in candidates {
        let has = Command::new(&py)
            .args(["-c", "import aiosmtpd"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if has {
            return py;
        }
    }
    panic!(
        "no Python with aiosmtpd: run scripts/test, which installs python3-aiosmtpd, or \
         apt-get install python3-aiosmtpd (or pip install aiosmtpd)"
    )
}

struct Receiver {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Receiver {
    fn start(dir: &Path) -> Receiver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let out = dir.join("mail");
        std::fs::create_dir_all(&out).expect("mail folder");
        let child = Command::new(python())
            .args([
                "-c",
                RECEIVER,
                out.to_str().expect("utf-8"),
                &port.to_string(),
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("start the SMTP receiver");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "the SMTP receiver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Receiver {
            child,
            port,
            dir: out,
        }
    }

    /// Every message received so far, oldest first.
    fn messages(&self) -> Vec<serde_json::Value> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .expect("mail folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|f| {
                serde_json::from_str(&std::fs::read_to_string(f).expect("read")).expect("json")
            })
            .collect()
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The demo, with accounts over Quảng Ninh: a reporter who reads Vietnamese, a supervisor who
/// reads French, a viewer (nothing to do) and a reporter with no e-mail.
async fn demo_with_accounts(db: &Path) {
    let store = SqlStore::open(db.to_str().expect("utf-8"))
        .await
        .expect("store");
    let app = App::open(store).await.expect("app");
    let system = Actor::named("test");
    app.load_demo(&system).await.expect("demo");
    for (username, name, role, email, language) in [
        (
            "lan",
            "Nguyễn Thị Lan",
            "reporter",
            "lan@quangninh.gov.vn",
            "vi",
        ),
        ("paul", "Paul Martin", "supervisor", "paul@example.fr", "fr"),
        (
            "viet",
            "Trần Văn Việt",
            "viewer",
            "viet@quangninh.gov.vn",
            "vi",
        ),
        ("minh", "Lê Minh", "reporter", "", "vi"),
    ] {
        app.add_account(&system, username, name, &[(role.into(), Some("22".into()))])
            .await
            .expect("account");
        app.set_contact(&system, username, email, language)
            .await
            .expect("contact");
    }
}

fn body_of<'m>(messages: &'m [serde_json::Value], rcpt: &str) -> &'m serde_json::Value {
    messages
        .iter()
        .find(|m| m["rcpt"][0] == rcpt)
        .unwrap_or_else(|| panic!("no message to {rcpt} in {messages:#?}"))
}

#[test]
fn each_account_gets_one_digest_a_day_in_its_language_with_its_items() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("g.db");
    tokio::runtime::Runtime::new()
        .expect("runtime")
        .block_on(demo_with_accounts(&db));
    let receiver = Receiver::start(dir.path());
    std::fs::write(
        dir.path().join("giamsat.toml"),
        format!(
            "[smtp]\nhost = \"127.0.0.1\"\nport = {}\ntls = \"none\"\nfrom = \"giamsat <giamsat@quangninh.gov.vn>\"\nsite = \"https://giamsat.quangninh.gov.vn\"\n",
            receiver.port
        ),
    )
    .expect("settings");
    let args = [
        "--config",
        "giamsat.toml",
        "digest",
        "--db",
        "g.db",
        "--date",
        "2026-12-17",
    ];
    let run = giamsat(&args, dir.path());
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains("2 digest(s) sent"), "{stdout}");
    let messages = receiver.messages();
    assert_eq!(messages.len(), 2, "{messages:#?}");

    // The reporter, in Vietnamese: the department's November report returned with its reason,
    // the one never sent (overdue), and December's due on the 19th (2 days left).
    let lan = body_of(&messages, "lan@quangninh.gov.vn");
    assert!(
        lan["to"]
            .as_str()
            .is_some_and(|t| t.contains("Nguyễn Thị Lan")),
        "{lan}"
    );
    assert!(
        lan["subject"]
            .as_str()
            .is_some_and(|s| s.contains("việc cần làm ngày 17/12/2026")),
        "{lan}"
    );
    let text = lan["body"].as_str().expect("body");
    for expected in [
        "Kính gửi Nguyễn Thị Lan",
        "Báo cáo bị trả lại: Báo cáo tháng của các sở, Tháng 11/2026",
        "Sở Y tế Quảng Ninh",
        "Lý do: Số hồ sơ giải quyết không khớp với Cổng dịch vụ công",
        "Báo cáo cần gửi: Báo cáo tháng của các sở, Tháng 11/2026",
        "Sở Tài chính Quảng Ninh · Hạn 19/11/2026 · Quá hạn 28 ngày",
        "Báo cáo tháng của các sở, Tháng 12/2026",
        "Hạn 19/12/2026 · Còn 2 ngày",
        "https://giamsat.quangninh.gov.vn/reports/QN-SO-THANG/2026-11/22-SYT",
        "https://giamsat.quangninh.gov.vn/inbox?lang=vi",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    // What waits for the supervisor's decision is not the reporter's.
    assert!(!text.contains("chờ phê duyệt"), "{text}");

    // The supervisor, in French: the report sent late, to approve.
    let paul = body_of(&messages, "paul@example.fr");
    let text = paul["body"].as_str().expect("body");
    assert!(
        paul["subject"]
            .as_str()
            .is_some_and(|s| s.contains("1 chose à faire le 17/12/2026")),
        "{paul}"
    );
    for expected in [
        "Bonjour Paul Martin",
        "Rapport à approuver : Rapport mensuel des départements, novembre 2026",
        "Département de la construction de Quang Ninh",
        "https://giamsat.quangninh.gov.vn/reports/QN-SO-THANG/2026-11/22-SXD",
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    assert!(
        !text.contains("Báo cáo"),
        "no Vietnamese in French mail:\n{text}"
    );

    // Again the same day (a restart, or the command run twice): nothing more is sent.
    let again = giamsat(&args, dir.path());
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(again.status.success(), "{stdout}");
    assert!(
        stdout.contains("0 digest(s) sent, 2 sent before"),
        "{stdout}"
    );
    assert_eq!(receiver.messages().len(), 2);
}

#[test]
fn without_smtp_settings_the_digest_command_says_so_and_sends_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = giamsat(
        &["digest", "--db", "g.db", "--date", "2026-12-17"],
        dir.path(),
    );
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("[smtp]"), "{stderr}");
}

/// A log line without its terminal colours.
fn plain(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            chars.by_ref().find(|c| c.is_ascii_alphabetic());
        } else {
            out.push(c);
        }
    }
    out
}

/// `giamsat serve` with `[smtp]` runs the daily job: here due at 00:00, so at start. Started
/// again the same day, it finds the day's digests sent and sends nothing.
#[test]
fn the_servers_daily_job_sends_the_days_digests_once_across_a_restart() {
    use std::io::{BufRead, BufReader};

    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("g.db");
    tokio::runtime::Runtime::new()
        .expect("runtime")
        .block_on(demo_with_accounts(&db));
    let receiver = Receiver::start(dir.path());
    std::fs::write(
        dir.path().join("giamsat.toml"),
        format!(
            "log = \"info\"\n[smtp]\nhost = \"127.0.0.1\"\nport = {}\ntls = \"none\"\nfrom = \"giamsat@quangninh.gov.vn\"\nsend_at = \"00:00\"\n",
            receiver.port
        ),
    )
    .expect("settings");
    // Runs the server until its job reports a run, and returns that line.
    let serve_once = || {
        let mut child = Command::new(env!("CARGO_BIN_EXE_giamsat"))
            .args([
                "--config",
                "giamsat.toml",
                "serve",
                "--db",
                "g.db",
                "--addr",
                "127.0.0.1:0",
            ])
            .current_dir(dir.path())
            .env_remove("GIAMSAT_DB")
            .env_remove("GIAMSAT_LOG")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("serve");
        let stderr = BufReader::new(child.stderr.take().expect("stderr"));
        let line = stderr
            .lines()
            .map_while(Result::ok)
            .find(|l| l.contains("daily digests"));
        let _ = child.kill();
        let _ = child.wait();
        plain(&line.expect("the job reported its run"))
    };
    let first = serve_once();
    assert!(
        first.contains("sent=2") && first.contains("failed=0"),
        "{first}"
    );
    let messages = receiver.messages();
    let mut to: Vec<&str> = messages
        .iter()
        .filter_map(|m| m["rcpt"][0].as_str())
        .collect();
    to.sort_unstable();
    assert_eq!(to, ["lan@quangninh.gov.vn", "paul@example.fr"]);
    let again = serve_once();
    assert!(
        again.contains("sent=0") && again.contains("already=2"),
        "{again}"
    );
    assert_eq!(receiver.messages().len(), 2);
}
