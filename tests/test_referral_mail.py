"""Optional e-mail about referrals: off by default, and never a person's data when on."""

import socketserver
import threading

import pytest

from tests import tracker


class _SMTPSink(socketserver.StreamRequestHandler):
    """Just enough of SMTP to receive messages, keeping what was sent."""

    received: list[str] = []

    def _say(self, line: str) -> None:
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        self._say("220 sink")
        while line := self.rfile.readline().decode():
            verb = line.strip().split(" ")[0].upper()
            if verb in ("EHLO", "HELO"):
                self._say("250 sink")
            elif verb == "DATA":
                self._say("354 go on")
                body = []
                while (row := self.rfile.readline().decode()) not in (".\r\n", ""):
                    body.append(row)
                self.received.append("".join(body))
                self._say("250 kept")
            elif verb == "QUIT":
                self._say("221 bye")
                return
            else:
                self._say("250 ok")


@pytest.fixture
def sink():
    _SMTPSink.received = []
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SMTPSink)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def app_config(sink):
    return {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": sink.server_address[1],
            "MAIL_USE_TLS": False, "SERVER_NAME": "pathways.example"}  # fmt: skip


def test_a_new_referral_mails_the_receivers_without_personal_data(app, sink):
    net = tracker.network()
    case = tracker.case(net, name="Lan Nguyen", contact="+84 90 555 0101")
    tracker.consent(net, case)
    referral = tracker.referral(net, case)
    assert len(_SMTPSink.received) == 1
    mail = _SMTPSink.received[0]
    assert "To: receiver@test.example" in mail
    assert "a referral needs your attention" in mail
    assert "/notifications" in mail
    for secret in ("Lan Nguyen", "555 0101", case.code, referral.code, "shelter", "bus"):
        assert secret not in mail


def test_mail_from_a_command_has_no_host_to_name_and_still_goes(app, sink):
    app.config["SERVER_NAME"] = None
    net = tracker.network()
    case = tracker.case(net)
    tracker.consent(net, case)
    tracker.referral(net, case)  # outside any request, as `flask seed demo` would
    assert len(_SMTPSink.received) == 1 and "/notifications" in _SMTPSink.received[0]
