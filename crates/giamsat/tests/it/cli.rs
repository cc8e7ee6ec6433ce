use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

pub(crate) fn giamsat(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_giamsat"))
        .args(args)
        .current_dir(dir)
        .env("GIAMSAT_LOG", "warn")
        // A database of the shell running the tests must not stand in for the one named.
        .env_remove("GIAMSAT_DB")
        .output()
        .expect("run giamsat")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn import_reports_every_problem_with_file_line_and_column_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let demo = giamsat(&["demo", "--db", "g.db"], dir.path());
    assert!(demo.status.success(), "{}", text(&demo.stderr));
    let before = giamsat(&["export", "--db", "g.db", "observations"], dir.path());
    std::fs::write(
        dir.path().join("bad.csv"),
        "indicator,unit,period,value,kind\nEXPORTS,40,2023-H1,1000,official\nEXPORTS,40,2023-H1,\"1,5\",official\nEXPORTS,40,,5,estimate\n",
    )
    .expect("write");
    let run = giamsat(
        &["import", "--db", "g.db", "observations", "bad.csv"],
        dir.path(),
    );
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("bad.csv:3:4: value: \"1,5\": in English the decimal separator is \".\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("bad.csv:4:3: period: is required"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2 problem(s); nothing was imported"),
        "{stderr}"
    );
    let after = giamsat(&["export", "--db", "g.db", "observations"], dir.path());
    assert_eq!(text(&before.stdout), text(&after.stdout), "nothing written");

    let run = giamsat(
        &[
            "import",
            "--db",
            "g.db",
            "observations",
            "bad.csv",
            "--skip-invalid",
        ],
        dir.path(),
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(text(&run.stdout).contains("imported 1 observations"));
    let rejects =
        std::fs::read_to_string(dir.path().join("bad.csv.rejects.csv")).expect("rejects file");
    let lines: Vec<&str> = rejects.lines().collect();
    assert_eq!(lines[0], "indicator,unit,period,value,kind,error");
    assert_eq!(lines.len(), 3);
    assert!(
        lines[1].starts_with("EXPORTS,40,2023-H1,\"1,5\",official,"),
        "{rejects}"
    );
}

#[test]
fn files_that_are_not_csv_get_a_clear_error_and_no_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("binary.csv"),
        [0u8, 159, 146, 150, 255, 0, 1, 2],
    )
    .expect("write");
    std::fs::write(dir.path().join("empty.csv"), "").expect("write");
    for (file, expected) in [
        (
            "binary.csv",
            "binary.csv:1: the header line cannot be read: the text is not UTF-8",
        ),
        ("empty.csv", "the file is empty"),
        ("missing.csv", "missing.csv: No such file"),
    ] {
        let run = giamsat(&["import", "--db", "g.db", "units", file], dir.path());
        assert_eq!(run.status.code(), Some(1), "{file}");
        let stderr = text(&run.stderr);
        assert!(stderr.contains(expected), "{file}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let run = giamsat(
        &["import", "--db", "g.db", "colours", "empty.csv"],
        dir.path(),
    );
    assert_eq!(
        run.status.code(),
        Some(2),
        "an unknown kind is a usage error"
    );
}

#[test]
fn serve_demo_answers_on_the_address_it_prints() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_giamsat"))
        .args(["serve", "--db", "g.db", "--demo", "--addr", "127.0.0.1:0"])
        .current_dir(dir.path())
        .env("GIAMSAT_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    stdout.read_line(&mut line).expect("read");
    // One demo account per role follows, each with a password printed once.
    let mut accounts = Vec::new();
    let mut heading = String::new();
    stdout.read_line(&mut heading).expect("read");
    assert!(heading.contains("demo accounts"), "{heading}");
    for _ in 0..5 {
        let mut account = String::new();
        stdout.read_line(&mut account).expect("read");
        let words: Vec<String> = account.split_whitespace().map(str::to_owned).collect();
        assert_eq!(words.len(), 3, "{account}");
        accounts.push(words);
    }
    let roles: Vec<&str> = accounts.iter().map(|a| a[1].as_str()).collect();
    assert_eq!(
        roles,
        ["admin", "office", "reporter", "supervisor", "viewer"]
    );
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_owned();
    let viewer = accounts[4].clone();
    let (anonymous, body) = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async {
            let client = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client");
            let anonymous = client
                .get(format!("{url}api/v1/targets"))
                .send()
                .await
                .expect("get")
                .status()
                .as_u16();
            let session = crate::sign_in(&client, &url, &viewer[0], &viewer[2]).await;
            let body = client
                .get(format!("{url}api/v1/targets"))
                .header("cookie", format!("giamsat_session={session}"))
                .send()
                .await
                .expect("get")
                .text()
                .await
                .expect("body");
            (anonymous, body)
        })
    })
    .join()
    .expect("join");
    assert_eq!(anonymous, 401);
    let _ = child.kill();
    let _ = child.wait();
    let targets: serde_json::Value = serde_json::from_str(&body).expect("json");
    // Seed 003's three targets and the twelve of the real 2025 plan, each evaluated.
    let targets = targets.as_array().expect("list");
    assert_eq!(targets.len(), 15);
    assert!(
        targets
            .iter()
            .all(|t| t["evaluation"]["status"].is_string())
    );
}

#[test]
fn a_vietnamese_spreadsheet_imports_with_its_number_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(
        giamsat(&["demo", "--db", "g.db"], dir.path())
            .status
            .success()
    );
    std::fs::write(
        dir.path().join("sct.csv"),
        "indicator;unit;period;value;kind\nRETAIL_SALES;40;2023-YTD06;44.000,5;estimate\n",
    )
    .expect("write");
    let run = giamsat(
        &[
            "import",
            "--db",
            "g.db",
            "observations",
            "sct.csv",
            "--number-format",
            "vi",
        ],
        dir.path(),
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    let export = text(&giamsat(&["export", "--db", "g.db", "observations"], dir.path()).stdout);
    assert!(
        export.contains("RETAIL_SALES,40,2023-H1,44000.5,estimate"),
        "{export}"
    );
    let run = giamsat(
        &[
            "import",
            "--db",
            "g.db",
            "observations",
            "sct.csv",
            "--number-format",
            "de",
        ],
        dir.path(),
    );
    assert_eq!(
        run.status.code(),
        Some(2),
        "an unknown number format is a usage error"
    );
}

#[test]
fn settings_come_from_a_toml_file_under_flags() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("giamsat.toml"),
        "db = \"from-file.db\"\nlog = \"warn\"\n",
    )
    .expect("write");
    let run = giamsat(&["--config", "giamsat.toml", "demo"], dir.path());
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert!(
        dir.path().join("from-file.db").exists(),
        "the file chose the database"
    );
    let run = giamsat(
        &["--config", "giamsat.toml", "demo", "--db", "flag.db"],
        dir.path(),
    );
    assert!(run.status.success());
    assert!(
        dir.path().join("flag.db").exists(),
        "the flag wins over the file"
    );
    std::fs::write(dir.path().join("bad.toml"), "db = \"x.db\"\nport = 8080\n").expect("write");
    let run = giamsat(&["--config", "bad.toml", "demo"], dir.path());
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("bad.toml") && stderr.contains("port"),
        "{stderr}"
    );
    assert!(
        !dir.path().join("x.db").exists(),
        "nothing is done with a bad settings file"
    );
}

#[test]
fn the_first_admin_is_created_from_the_command_line_with_a_password_shown_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let demo = giamsat(&["demo", "--db", "g.db"], dir.path());
    assert!(demo.status.success(), "{}", text(&demo.stderr));
    let add = |username: &str, role: &str, scope: &str| {
        giamsat(
            &[
                "user", "add", "--db", "g.db", username, "--role", role, "--scope", scope,
            ],
            dir.path(),
        )
    };
    let created = add("admin", "admin", "VN");
    assert!(created.status.success(), "{}", text(&created.stderr));
    let out = text(&created.stdout);
    let password = out
        .lines()
        .find_map(|l| l.strip_prefix("password (shown this once): "))
        .expect("the password is printed");
    assert_eq!(password.len(), 20, "{out}");
    // Printed once: a second account gets another one, and the first name is taken.
    let other = text(&add("viewer", "viewer", "40").stdout);
    assert!(!other.contains(password));
    let again = add("ADMIN", "admin", "VN");
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("the username admin is taken"));
    let bad = add("x", "king", "NOPE");
    assert!(!bad.status.success());
    let message = text(&bad.stderr);
    assert!(
        message.contains("\"king\" is not one of") && message.contains("no unit has the code NOPE"),
        "{message}"
    );
    // The database (and its write-ahead log) holds the hash, not the password.
    for file in ["g.db", "g.db-wal"] {
        if let Ok(bytes) = std::fs::read(dir.path().join(file)) {
            assert!(
                !String::from_utf8_lossy(&bytes).contains(password),
                "{file}"
            );
        }
    }
}
