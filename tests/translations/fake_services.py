"""Local HTTP servers that answer as DeepL and LibreTranslate do, as their APIs are documented
(neither service can run here); shared by tests/translations and the e2e test."""

import json
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


@dataclass
class FakeService:
    """A local HTTP server answering like a machine translation service."""

    url: str
    requests: list = field(default_factory=list)
    fail_with: tuple[int, dict] | None = None


@contextmanager
def serve(handler_for):
    """Runs a local server answering with ``handler_for``; yields its FakeService."""
    service = FakeService(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's name)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode()
            status, answer = handler_for(self, raw, service)
            payload = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    service.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield service
    finally:
        server.shutdown()
        server.server_close()


def deepl(handler, raw, service):
    """DeepL API v2: POST /v2/translate, form fields text (repeated), source_lang, target_lang;
    key in the ``Authorization: DeepL-Auth-Key`` header."""
    form = parse_qs(raw)
    service.requests.append({"path": handler.path, "form": form, "headers": dict(handler.headers)})
    if handler.path != "/v2/translate":
        return 404, {"message": "Not found"}
    if handler.headers.get("Authorization") != "DeepL-Auth-Key test-key:fx":
        return 403, {"message": "Wrong or missing authentication key"}
    if service.fail_with:
        return service.fail_with
    target = form["target_lang"][0]
    return 200, {
        "translations": [
            {"detected_source_language": form["source_lang"][0], "text": f"[{target}] {text}"}
            for text in form["text"]
        ]
    }


def libretranslate(handler, raw, service):
    """LibreTranslate: POST /translate, JSON {q, source, target, format, api_key}."""
    data = json.loads(raw or "{}")
    service.requests.append({"path": handler.path, "json": data})
    if handler.path != "/translate":
        return 404, {"error": "Not found"}
    if data.get("api_key") != "libre-key":
        return 403, {"error": "Invalid API key"}
    if service.fail_with:
        return service.fail_with
    texts = data["q"] if isinstance(data["q"], list) else [data["q"]]
    return 200, {"translatedText": [f"[{data['target'].upper()}] {text}" for text in texts]}
