"""The official Huawei Cloud Python SDK (huaweicloudsdkswr), unchanged, against the emulator
with AK/SK credentials: create, list, show, update and delete a share, plus errors, the
pickers' lists and the shared-repositories overview for both centers.

The emulator binary comes from SWR_EMULATOR_BIN (scripts/test.sh builds it)."""

import os
import re
import subprocess

import pytest
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkswr.v2 import (
    CreateRepoDomainsRequest,
    CreateRepoDomainsRequestBody,
    DeleteRepoDomainsRequest,
    ListNamespacesRequest,
    ListRepoDomainsRequest,
    ListReposDetailsRequest,
    ListSharedReposDetailsRequest,
    ShowAccessDomainRequest,
    SwrClient,
    UpdateRepoDomainsRequest,
    UpdateRepoDomainsRequestBody,
)

AK = "EMUAKALICE0000000001"
SK = "emulatorSecretKeyForAliceDoNotUseInProd01"
PROJECT = "0a6f5c1e9d8b4e2f8c3a7d1b2e4f6a80"
NS = "acme-prod"
REPO = "tools$builder"  # tools/builder, with / sent as $


@pytest.fixture(scope="module")
def endpoint():
    binary = os.environ.get("SWR_EMULATOR_BIN", "target/debug/swr-emulator")
    proc = subprocess.Popen([binary, "--port", "0"], stdout=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()
        m = re.search(r"listening on (http://127\.0\.0\.1:\d+)", first)
        assert m, f"unexpected first line: {first!r}"
        yield m.group(1)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def client(endpoint, ak=AK, sk=SK):
    config = HttpConfig.get_default_config()
    config.retry_times = 0
    return (
        SwrClient.new_builder()
        .with_http_config(config)
        .with_credentials(BasicCredentials(ak, sk, PROJECT))
        .with_endpoints([endpoint])
        .build()
    )


def test_full_share_lifecycle(endpoint):
    c = client(endpoint)
    body = CreateRepoDomainsRequestBody(
        access_domain="sdk-partner", permit="read", deadline="2099-12-31T00:00:00.000Z", description="from the SDK"
    )
    created = c.create_repo_domains(CreateRepoDomainsRequest(namespace=NS, repository=REPO, body=body))
    assert created.status_code == 201

    listed = c.list_repo_domains(ListRepoDomainsRequest(namespace=NS, repository=REPO))
    assert listed.status_code == 200
    rows = {r.access_domain: r for r in listed.body}
    row = rows["sdk-partner"]
    assert row.repository == "tools/builder"
    assert row.permit == "read"
    assert row.deadline == "2099-12-31T00:00:00.000Z"
    assert row.description == "from the SDK"
    assert row.creator_name == "alice"
    assert row.status is True

    shown = c.show_access_domain(ShowAccessDomainRequest(namespace=NS, repository=REPO, access_domain="sdk-partner"))
    assert shown.exist is True
    assert shown.description == "from the SDK"

    upd = UpdateRepoDomainsRequestBody(permit="read", deadline="forever", description="now permanent")
    updated = c.update_repo_domains(
        UpdateRepoDomainsRequest(namespace=NS, repository=REPO, access_domain="sdk-partner", body=upd)
    )
    assert updated.status_code == 201
    shown = c.show_access_domain(ShowAccessDomainRequest(namespace=NS, repository=REPO, access_domain="sdk-partner"))
    assert shown.deadline == "forever"
    assert shown.description == "now permanent"

    deleted = c.delete_repo_domains(DeleteRepoDomainsRequest(namespace=NS, repository=REPO, access_domain="sdk-partner"))
    assert deleted.status_code == 204
    shown = c.show_access_domain(ShowAccessDomainRequest(namespace=NS, repository=REPO, access_domain="sdk-partner"))
    assert shown.exist is False


def test_duplicate_share_is_a_409_the_sdk_reports(endpoint):
    c = client(endpoint)
    body = CreateRepoDomainsRequestBody(access_domain="partner-bank", permit="read", deadline="forever")
    with pytest.raises(ClientRequestException) as err:
        c.create_repo_domains(CreateRepoDomainsRequest(namespace=NS, repository="payments-api", body=body))
    assert err.value.status_code == 409


def test_wrong_secret_key_is_refused(endpoint):
    c = client(endpoint, sk="not-the-secret")
    with pytest.raises(ClientRequestException) as err:
        c.list_repo_domains(ListRepoDomainsRequest(namespace=NS, repository=REPO))
    assert err.value.status_code == 401


def test_pickers_apis(endpoint):
    c = client(endpoint)
    ns = c.list_namespaces(ListNamespacesRequest())
    assert {n.name: n.auth for n in ns.namespaces}["acme-prod"] == 7
    repos = c.list_repos_details(ListReposDetailsRequest(namespace=NS))
    assert "tools/builder" in [r.name for r in repos.body]


def test_shared_repositories_for_both_centers(endpoint):
    c = client(endpoint)
    mine = c.list_shared_repos_details(
        ListSharedReposDetailsRequest(center="self", namespace="acme-scale", limit="25", offset="25")
    )
    assert mine.content_range == "25-25/60"
    assert all(r.namespace == "acme-scale" and r.domain_name == "acme" for r in mine.body)
    everything = c.list_shared_repos_details(ListSharedReposDetailsRequest(center="self"))
    assert "acme-prod/payments-api" in {f"{r.namespace}/{r.name}" for r in everything.body}
    theirs = c.list_shared_repos_details(
        ListSharedReposDetailsRequest(filter="center::thirdparty|order_column::name|order_type::asc")
    )
    assert [(r.domain_name, r.name, r.status) for r in theirs.body] == [
        ("globex", "alpine-hardened", True),
        ("globex", "build/toolchain", True),
        ("globex", "legacy-runtime", False),
        ("globex", "payments-sdk", True),
    ]
    assert theirs.body[0].path.endswith("/globex-base/alpine-hardened")
    with pytest.raises(ClientRequestException) as e:
        c.list_shared_repos_details(ListSharedReposDetailsRequest(center="everyone"))
    assert e.value.status_code == 400 and "center" in str(e.value.error_msg)
