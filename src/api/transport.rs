//! Sends an `ApiRequest` with the browser's fetch (gloo-net). The only part of the client
//! that needs a browser; everything it returns is checked by the pure parsers.

use gloo_net::http::{Method as HttpMethod, RequestBuilder};

use super::{ApiError, ApiRequest, Method, RawResponse};

pub async fn send(req: &ApiRequest) -> Result<RawResponse, ApiError> {
    let method = match req.method {
        Method::Get => HttpMethod::GET,
        Method::Post => HttpMethod::POST,
        Method::Patch => HttpMethod::PATCH,
        Method::Delete => HttpMethod::DELETE,
    };
    let mut builder = RequestBuilder::new(&req.url).method(method);
    for (name, value) in &req.headers {
        builder = builder.header(name, value);
    }
    let sent = match &req.body {
        Some(body) => {
            builder
                .body(body.clone())
                .map_err(|e| ApiError::network(e.to_string()))?
                .send()
                .await
        }
        None => builder.send().await,
    };
    let resp =
        sent.map_err(|e| ApiError::network(format!("{} {}: {e}", req.method.as_str(), req.url)))?;
    let status = resp.status();
    let subject_token = resp.headers().get("x-subject-token");
    // A connection dropped mid-body fails here rather than at send.
    let body = resp
        .text()
        .await
        .map_err(|e| ApiError::network(format!("the answer was cut off: {e}")))?;
    Ok(RawResponse {
        status,
        body,
        subject_token,
    })
}
