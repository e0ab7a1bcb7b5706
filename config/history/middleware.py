"""Remember who is signed in while a request runs, so the field history says who changed what."""

from .recording import acting_as


class ActingUserMiddleware:
    """After AuthenticationMiddleware: saves made during the request are recorded as the signed-in person's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting_as(getattr(request, "user", None)):
            return self.get_response(request)
