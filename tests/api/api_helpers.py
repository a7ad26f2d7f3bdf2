"""Helpers shared by the partner API tests."""


def get_json(client, url, status=200, **extra):
    response = client.get(url, **extra)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    return response.json()


def assert_error(response, status, code=None, parameter=None):
    """The documented error shape: {"error": {"status", "code", "parameter", "message"}}."""
    assert response.status_code == status, (response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert {"status", "code", "parameter", "message"} <= set(error), error
    assert error["status"] == status
    assert isinstance(error["message"], str) and error["message"]
    if code is not None:
        assert error["code"] == code, error
    if parameter is not None:
        assert error["parameter"] == parameter, error
    return error


def titles(data):
    return [item["title"] for item in data["items"]]
