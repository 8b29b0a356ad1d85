//! A local emulator of the SWR (SoftWare Repository for Container) shared-account API,
//! the organization and repository lists, and the IAM token API, faithful on the wire.
//!
//! `app()` builds the router; `server::serve()` runs it on a listener with support for
//! injected connection drops (which a plain axum handler cannot express).

// Handlers return early with a ready `Response`; boxing it would only add noise.
#![allow(clippy::result_large_err)]

pub mod admin;
pub mod auth;
pub mod catalog;
pub mod clock;
pub mod errors;
pub mod faults;
pub mod iam;
pub mod journal;
pub mod rules;
pub mod seed;
pub mod server;
pub mod shared_repos;
pub mod shares;
pub mod signer;
pub mod store;
pub mod throttle;
pub mod totp;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::routing::{get, post, MethodRouter};
use axum::{middleware, Router};

pub use errors::ErrorShape;

/// What GET-one answers for an account that has no share (the reference documents two
/// readings; the default is the documented one).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum MissingShare {
    /// 200 with `"exist": false` (the API documentation).
    Exist,
    /// 400 with `SVCSTG.SWR.4001090` (what the Huawei Terraform provider handles).
    Error,
}

#[derive(Clone, Debug)]
pub struct Options {
    pub error_shape: ErrorShape,
    pub missing_share: MissingShare,
    pub state_file: Option<PathBuf>,
    /// The gateway's limit in requests a second per user (0: off).
    pub rate_limit: u32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            error_shape: ErrorShape::Object,
            missing_share: MissingShare::Exist,
            state_file: None,
            rate_limit: 0,
        }
    }
}

/// Everything the handlers share. The store is behind a std mutex: every critical
/// section is short and never awaits.
pub struct Emulator {
    pub store: Mutex<store::Store>,
    pub seed: seed::Seed,
    pub clock: clock::Clock,
    pub faults: faults::Faults,
    pub throttle: throttle::Throttle,
    pub journal: journal::Journal,
    pub options: Mutex<Options>,
    persist_lock: tokio::sync::Mutex<u64>,
    generation: std::sync::atomic::AtomicU64,
}

pub type Shared = Arc<Emulator>;

impl Emulator {
    /// Builds the emulator: from `--state` if that file exists, else from the seed.
    pub fn new(seed: seed::Seed, options: Options) -> Result<Shared, String> {
        let clock = clock::Clock::default();
        let store = match &options.state_file {
            Some(path) if path.exists() => store::Store::load(path)?,
            _ => seed.build(clock.now()),
        };
        Ok(Arc::new(Emulator {
            store: Mutex::new(store),
            seed,
            clock,
            faults: faults::Faults::default(),
            throttle: throttle::Throttle::new(options.rate_limit),
            journal: journal::Journal::default(),
            options: Mutex::new(options),
            persist_lock: tokio::sync::Mutex::new(0),
            generation: 0.into(),
        }))
    }

    pub fn options(&self) -> Options {
        self.options.lock().unwrap().clone()
    }

    /// Runs `f` on the store and, if it reports a change, writes the state file.
    pub async fn mutate<T>(&self, f: impl FnOnce(&mut store::Store) -> T) -> T {
        let (out, snapshot) = {
            let mut store = self.store.lock().unwrap();
            let out = f(&mut store);
            let gen = self
                .generation
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst)
                + 1;
            let snapshot = self.options().state_file.map(|p| (p, gen, store.to_json()));
            (out, snapshot)
        };
        if let Some((path, gen, json)) = snapshot {
            // Writers queue here; an older snapshot never overwrites a newer one.
            let mut written = self.persist_lock.lock().await;
            if gen > *written {
                if let Err(e) = store::write_atomically(&path, &json) {
                    eprintln!(
                        "swr-emulator: could not write state file {}: {e}",
                        path.display()
                    );
                }
                *written = gen;
            }
        }
        out
    }
}

/// The full HTTP surface of the emulator.
pub fn app(emu: Shared) -> Router {
    // Authentication runs after routing, as the API gateway does: only a route's own
    // methods authenticate; any other method is the gateway's 404, token or not.
    let auth = middleware::from_fn_with_state(emu.clone(), auth::require_identity);
    let authed = move |m: MethodRouter<Shared>| m.route_layer(auth.clone());
    let swr = shares::routes(&authed)
        .route(
            "/v2/manage/namespaces",
            authed(get(catalog::list_namespaces)).fallback(errors::apigw_not_found),
        )
        .route(
            "/v2/manage/repos",
            authed(get(catalog::list_repos)).fallback(errors::apigw_not_found),
        )
        .route(
            "/v2/manage/shared-repositories",
            authed(get(shared_repos::list)).fallback(errors::apigw_not_found),
        );
    let iam = Router::new()
        .route(
            "/v3/auth/tokens",
            post(iam::create_token)
                .get(iam::validate_token)
                .fallback(errors::apigw_not_found),
        )
        .route("/v3", get(iam::version).fallback(errors::apigw_not_found))
        .route("/v3/", get(iam::version).fallback(errors::apigw_not_found));
    Router::new()
        .merge(swr)
        .merge(iam)
        .fallback(errors::apigw_not_found)
        .layer(middleware::from_fn_with_state(
            emu.clone(),
            errors::reshape_swr_errors,
        ))
        // Inside the fault layer: an injected HTML page stays as the test asked.
        .layer(middleware::from_fn(errors::json_errors_only))
        // Inside the fault layer: an injected fault answers without taking a place.
        .layer(middleware::from_fn_with_state(emu.clone(), throttle::limit))
        .layer(middleware::from_fn_with_state(emu.clone(), faults::inject))
        .nest("/_emulator", admin::routes())
        .layer(middleware::from_fn(errors::request_id_header))
        .with_state(emu)
}
