//! Starts an emulator in-process on a free loopback port for one test, over real HTTP.
#![allow(dead_code)]

use std::sync::Arc;

use reqwest::{Client, Method, RequestBuilder, Response};
use serde_json::{json, Value};
use swr_emulator::seed::Seed;
use swr_emulator::{app, server, Emulator, Options, Shared};
use tokio::sync::oneshot;

pub const NS: &str = "acme-prod";
pub const REPO: &str = "payments-api";

pub struct Emu {
    pub base: String,
    pub http: Client,
    pub emu: Shared,
    stop: Option<oneshot::Sender<()>>,
}

impl Drop for Emu {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
    }
}

pub async fn start() -> Emu {
    start_with(Options::default()).await
}

pub async fn start_with(options: Options) -> Emu {
    let emu = Emulator::new(Seed::demo(), options).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(server::serve(listener, app(Arc::clone(&emu)), async {
        let _ = stopped.await;
    }));
    Emu {
        base,
        http: Client::new(),
        emu,
        stop: Some(stop),
    }
}

pub fn shares_path(ns: &str, repo: &str) -> String {
    format!("/v2/manage/namespaces/{ns}/repositories/{repo}/access-domains")
}

/// The path of one share: `…/access-domains/{account}`.
pub fn share_path(ns: &str, repo: &str, account: &str) -> String {
    format!("{}/{account}", shares_path(ns, repo))
}

impl Emu {
    pub async fn token(&self, user: &str) -> String {
        let r = self
            .http
            .post(self.url("/_emulator/tokens"))
            .json(&json!({"user": user}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);
        r.json::<Value>().await.unwrap()["token"]
            .as_str()
            .unwrap()
            .to_string()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A request as the app sends it: JSON content type and the token.
    pub fn req(&self, method: Method, path: &str, token: &str) -> RequestBuilder {
        self.http
            .request(method, self.url(path))
            .header("Content-Type", "application/json")
            .header("X-Auth-Token", token)
    }

    /// `method path` as the app sends it, with a JSON body if given: status and body.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: &str,
        body: Option<&Value>,
    ) -> (u16, Value) {
        let mut req = self.req(method, path, token);
        if let Some(b) = body {
            req = req.json(b);
        }
        read(req.send().await.unwrap()).await
    }

    pub async fn admin(&self, method: Method, path: &str, body: Value) -> Response {
        self.http
            .request(method, self.url(&format!("/_emulator{path}")))
            .json(&body)
            .send()
            .await
            .unwrap()
    }
}

/// Status and parsed JSON body (Null when empty).
pub async fn read(r: Response) -> (u16, Value) {
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    (
        status,
        if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        },
    )
}

pub fn error_code(body: &Value) -> &str {
    body["errorCode"]
        .as_str()
        .or(body["error_code"].as_str())
        .unwrap_or("")
}

pub fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().expect("an object").keys().cloned().collect();
    k.sort();
    k
}
