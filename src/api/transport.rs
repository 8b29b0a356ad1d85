//! Sends an `ApiRequest` with the browser's fetch (gloo-net). With `early`, the only part
//! of the client that needs a browser; everything it returns is checked by the pure parsers.

use gloo_net::http::{Method as HttpMethod, RequestBuilder, Response};

use super::{early, ApiError, ApiRequest, Method, RawResponse};

pub async fn send(req: &ApiRequest) -> Result<RawResponse, ApiError> {
    if let Some(answer) = early::list(req).await {
        return answer;
    }
    let resp = fetch(req)
        .await
        .map_err(|e| ApiError::unsent(req.method.as_str(), &req.url, &e))?;
    let status = resp.status();
    let subject_token = resp.headers().get("x-subject-token");
    let retry_after = resp.headers().get("retry-after");
    // A connection dropped mid-body fails here rather than at send.
    let body = resp
        .text()
        .await
        .map_err(|e| ApiError::cut_off(&e.to_string()))?;
    Ok(RawResponse {
        status,
        body,
        subject_token,
        retry_after,
    })
}

/// No answer arrived (network, proxy down).
async fn fetch(req: &ApiRequest) -> Result<Response, String> {
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
                .map_err(|e| e.to_string())?
                .send()
                .await
        }
        None => builder.send().await,
    };
    sent.map_err(|e| e.to_string())
}
