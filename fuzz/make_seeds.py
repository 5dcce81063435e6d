#!/usr/bin/env python3
"""Writes the seed corpora fuzz/corpus/<target>/ from the cases of the unit tests (tests/net/key_lint_tests,
classify_tests, tests/settings/*), so that fuzzing starts from every shape the tests already know.
Run from anywhere; rewrites the seed_* files only (inputs libFuzzer added are kept)."""
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
BODY40 = "kwtest0123kwtest4567kwtest89ABkwtestCDEF"
KEY = "sk-proj-" + BODY40


def write(target, seeds):
    folder = HERE / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("seed_*"):
        old.unlink()
    for index, seed in enumerate(seeds):
        data = seed if isinstance(seed, bytes) else seed.encode("utf-8", "surrogateescape")
        (folder / f"seed_{index:03d}").write_bytes(data)


def key_lint_seeds():
    return [
        KEY, "sk-" + BODY40 * 2, " \t" + KEY + "\r\n ", '"' + KEY + '"', "'" + KEY + "'",
        "\u201c" + KEY + "\u201d", "\u2018" + KEY + "\u2019", '  " ' + KEY + '\n"  ', '""' + KEY + '""',
        '"' + KEY + "'", "Bearer " + KEY, "bEaReR   " + KEY, '"Bearer ' + KEY + '"', "", " \t\r\n ", '""',
        "Bearer  ", "sk-proj- " + BODY40, "sk-proj-kw\t" + BODY40, "sk-proj-kwtest\r" + BODY40,
        KEY + "\n" + KEY, "sk-proj-kw\0" + BODY40, "sk-proj-\u200b" + BODY40, "sk-\u00a0proj-" + BODY40,
        "\ufeff" + KEY, "sk-proj-\u201d" + BODY40, "sk-proj-kwt\u00e9st" + BODY40, "sk-\U0001f511" + BODY40,
        "OPENAI_API_KEY=" + KEY, "sk-proj\x07" + BODY40, "sk-admin-" + BODY40, "sk-svcacct-" + BODY40,
        "kwtest" * 4, "sk-" + "k" * 600, b"sk-proj-\xff\xfe" + BODY40.encode(), b"sk-proj-\xc0\xaf" + BODY40.encode(),
    ]


def error_body(message, type_, code):
    return json.dumps({"error": {"message": message, "type": type_, "param": None, "code": code or None}})


MODELS = ('{"object":"list","data":[{"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"},'
          '{"id":"gpt-4o-mini","object":"model","created":1721172741,"owned_by":"system","shutdown_date":null}]}')
INCORRECT = ("Incorrect API key provided: sk-proj-********CDEF. You can find your API key at "
             "https://platform.openai.com/account/api-keys.")
SCOPES = ("You have insufficient permissions for this operation. Missing scopes: api.model.read. Check that "
          "you have the correct role in your organization (Reader, Writer, Owner) and project (Member, "
          "Owner), and if you're using a restricted API key, that it has the necessary scopes.")
API_HEADERS = "x-request-id: req_kwtest0123\nopenai-organization: user-kwtest\nopenai-project: proj_kwtest\n"


def response(status, body, headers="", error=0, required=0):
    """The layout models_response_fuzzer.cpp reads: status, transport error, required models, headers, body."""
    head = bytes([status >> 8, status & 0xFF, error, required])
    return head + (headers + "\n" + body if headers else body).encode()


def models_response_seeds():
    rows = [
        (200, MODELS, API_HEADERS), (200, '{"object":"list","data":[]}', ""),
        (401, error_body(INCORRECT, "invalid_request_error", "invalid_api_key"), API_HEADERS),
        (401, error_body(INCORRECT, "invalid_request_error", ""), ""),
        (401, '{"message":"Incorrect API key provided"}', ""),
        (401, error_body("The OpenAI account associated with this API key has been deactivated.",
                         "invalid_request_error", "account_deactivated"), ""),
        (401, error_body("You must be a member of an organization to use the API.", "invalid_request_error",
                         "no_organization"), ""),
        (401, error_body("OpenAI-Organization header should match organization for API key",
                         "invalid_request_error", ""), ""),
        (401, error_body(SCOPES, "invalid_request_error", ""), ""),
        (403, error_body(SCOPES, "invalid_request_error", "missing_scope"), ""),
        (401, json.dumps({"error": SCOPES}), ""),
        (403, error_body("Country, region, or territory not supported", "request_forbidden",
                         "unsupported_country_region_territory"), ""),
        (401, "IP not authorized\n", ""),
        (429, error_body("You exceeded your current quota, please check your plan and billing details.",
                         "insufficient_quota", "insufficient_quota"), ""),
        (429, error_body("Rate limit reached for requests", "requests", "rate_limit_exceeded"),
         "retry-after: 7\nretry-after-ms: 6500\n"),
        (429, "<html><title>Too Many Requests</title></html>", ""),
        (500, error_body("The server had an error while processing your request.", "server_error", ""), ""),
        (502, "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>cloudflare</body></html>", ""),
        (404, error_body("Invalid URL (GET /v1/modelz)", "invalid_request_error", ""), ""),
        (200, "<!DOCTYPE html><html><head><title>Hotel Wi-Fi Login</title></head><body>x</body></html>", ""),
        (200, "", ""), (200, '{"id":"gpt-4o","object":"model"}', ""), (200, "[]", ""),
        (200, '{"object":"list","data":{}}', ""), (200, '{"object":"list","data":[{"id":"gpt-4o"', ""),
        (401, '{"error":null}', ""),
        (401, error_body("You didn't provide an API key.", "invalid_request_error", ""), ""),
        (418, "I'm a teapot", ""), (204, "", ""), (201, MODELS, ""),
        (301, "", "location: https://example.test/v1\n"), (302, "<html>Found</html>", ""), (407, "", ""),
        # the key echoed back, whole or glued to other text ("@K" stands for the key that was sent)
        (401, error_body("Incorrect API key provided: @K.", "invalid_request_error", "invalid_api_key"),
         "x-request-id: req_@K\n"),
        (200, "not a list but @K", "openai-organization: org-@K\nopenai-project: x@Ky\n"),
        (200, "[" * 70 + "]" * 70, ""),
    ]
    seeds = [response(status, body, headers) for status, body, headers in rows]
    seeds.append(response(200, MODELS, API_HEADERS, required=3))
    for error in range(0xE1, 0xEE):
        seeds.append(response(0, "Failed to connect to 127.0.0.1 port 9: Connection refused @K", error=error))
    return seeds


def settings_text_seeds():
    return [
        '{"zeta": 1, "organization": "org-old", "host_app": {"theme": "dark", "list": [3, 1, 2]},'
        ' "alpha": null, "timeout_seconds": 20, "middle": "m"}',
        '{"base_url": 42, "organization": "org-fine", "timeout_seconds": "soon", "required_models": ["a", 1],'
        ' "key_storage": "vault", "first_run": true, "last_check": "yesterday"}',
        json.dumps({"base_url": "https://api.openai.com/v1", "organization": "org-kw", "project": "proj_kw",
                    "proxy": "http://127.0.0.1:3128", "ca_file": "/etc/ssl/kw.pem", "timeout_seconds": 45,
                    "required_models": ["gpt-4o", "gpt-4o-mini"], "key_storage": "keyring",
                    "first_run": "completed",
                    "last_check": {"status": "valid", "reason": "ok", "time": "2026-01-01T00:00:00Z"}},
                   indent=2),
        '{"base_url": "https://api.openai.com/v1",', "", "  \n\t\n", '{"organization": "org\0x"}',
        "\ufeff{}", '["base_url"]', '"settings"', "null", "{}",
        '{"timeout_seconds": 1e3, "last_check": {"status": 5}, "first_run": "skipped", "key_storage": "file"}',
        '{"a": {"b": [1, 2.5, -0.0, 18446744073709551616, "\\u00e9\\ud83d\\udd11"]}, "a": 2}',
    ]


def dotenv_text_seeds():
    return [
        "OPENAI_API_KEY=sk-proj-abc", "export OPENAI_API_KEY=sk-proj-abc", "OPENAI_API_KEY = sk-proj-abc",
        "  export   OPENAI_API_KEY\t=\tsk-proj-abc  ", 'OPENAI_API_KEY="sk-proj-abc"',
        "OPENAI_API_KEY='sk-proj-abc'", "OPENAI_API_KEY=sk-proj-abc # the key for keywizard",
        'OPENAI_API_KEY="sk-proj-abc" # quoted, then a comment', "OPENAI_API_KEY=sk-proj-abc\r",
        "OPENAI_API_KEY=sk-proj-old\nOPENAI_API_KEY=sk-proj-abc",
        "# OPENAI_API_KEY=sk-proj-commented\nOPENAI_API_KEY=sk-proj-abc\nOPENAI_API_KEY_2=sk-proj-other",
        "# keys\nexport DATABASE_URL=postgres://x\n\nOPENAI_API_KEY='old'\nDEBUG=1 # on\n",
        "A=1\r\nOPENAI_API_KEY=old\r\nB=2\r\n", "OPENAI_BASE_URL=https://kw.example/v1\nOTHER=\"a\\\"b\\n\"\n",
        "exportOPENAI_API_KEY=z\nOPENAI_API_KEY_OLD=x\n", "",
    ]


if __name__ == "__main__":
    write("key_lint", key_lint_seeds())
    write("models_response", models_response_seeds())
    write("settings_text", settings_text_seeds())
    write("dotenv_text", dotenv_text_seeds())
