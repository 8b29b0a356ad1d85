//! `--state FILE`: state survives a restart, and the file is always whole.

mod common;

use reqwest::Method;
use serde_json::json;
use swr_emulator::Options;

#[tokio::test]
async fn state_survives_a_restart() {
    let dir = std::env::temp_dir().join(format!("swr-emu-state-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("state.json");
    let _ = std::fs::remove_file(&file);
    let opts = || Options {
        state_file: Some(file.clone()),
        ..Default::default()
    };

    let token;
    {
        let e = common::start_with(opts()).await;
        token = e.token("alice").await;
        let r = e
            .req(
                Method::POST,
                &common::shares_path("acme-dev", "sandbox"),
                &token,
            )
            .json(&json!({"access_domain": "kept", "permit": "read", "deadline": "forever"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);
    }
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        serde_json::from_str::<serde_json::Value>(&text).is_ok(),
        "the file is complete JSON"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left behind");

    let e = common::start_with(opts()).await;
    let (s, list) = e
        .call(
            Method::GET,
            &common::shares_path("acme-dev", "sandbox"),
            &token,
            None,
        )
        .await;
    assert_eq!(s, 200, "tokens are kept too");
    assert_eq!(list[0]["access_domain"], "kept");
    std::fs::remove_dir_all(&dir).unwrap();
}
