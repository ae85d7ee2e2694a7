//! `key reseal` on a workspace reaches every key row of every file, not only the rows its
//! users' routing reads: with `--seal-anyway` a duplicate key row ALwrity's readers skip and
//! the key of a session whose id routes to another folder are sealed too, so no plaintext key
//! is left in any file ALwrity uses (shadowed files, which ALwrity does not open, are not
//! touched).

use rusqlite::Connection;

use crate::assert_code;
use crate::fixture::{cases, ids::*, Workspace};

/// A master key for sealing (32 bytes of 0..31, base64).
const MASTER_KEY: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

fn contains(path: &std::path::Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).expect("read the file");
    bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn reseal_anyway_seals_stray_and_foreign_rows_in_every_file() {
    let ws = Workspace::build_only(|sid| sid != CORRUPT && sid != LOCKED);
    let canon = Connection::open(ws.file(CANON)).expect("open");
    canon
        .execute_batch(
            "INSERT INTO api_keys (session_id, provider, \"key\", created_at, updated_at) \
             VALUES (1, 'gemini', 'AIzaFAKE_STRAY_DUPLICATE_ROW_00001', \
             '2026-04-02 09:00:00', '2026-04-02 09:00:00')",
        )
        .expect("a second gemini row");
    drop(canon);
    let legname = Connection::open(ws.file(LEGNAME)).expect("open");
    legname
        .execute_batch(
            "INSERT INTO onboarding_sessions (id, user_id, current_step, progress, started_at, \
             updated_at) VALUES (90, 'user_elsewhere', 1, 0.0, '2026-04-01 09:00:00', \
             '2026-04-01 09:00:00'); \
             INSERT INTO api_keys (session_id, provider, \"key\", created_at, updated_at) \
             VALUES (90, 'copilotkit', 'ck_pub_FAKE_FOREIGN_ROW_00002', \
             '2026-04-01 09:00:00', '2026-04-01 09:00:00')",
        )
        .expect("a foreign session with a key");
    drop(legname);

    let args = ["key", "reseal", "--seal-anyway"];
    let out = ws
        .cli()
        .run_with(&args, &[("ONBOARDCTL_MASTER_KEY", MASTER_KEY)], "");
    assert_code(&out, 0, &args);
    let files: Vec<_> = cases()
        .into_iter()
        .filter(|c| c.file.is_some() && c.sid != CORRUPT && c.sid != LOCKED)
        .map(|c| ws.file(c.sid))
        .collect();
    assert!(files.len() > 5, "{files:?}");
    for file in &files {
        for needle in ["AIzaFAKE", "ck_pub_FAKE", "00000000-0000-4000-8000"] {
            assert!(
                !contains(file, needle),
                "`{needle}` is still in {}",
                file.display()
            );
        }
    }
    let again = ws
        .cli()
        .run_with(&args, &[("ONBOARDCTL_MASTER_KEY", MASTER_KEY)], "");
    assert_code(&again, 0, &args);
}
