from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data and its publishing history (`load_demo`, `load_demo_history`).

    Installed by the dev and test settings only: production has neither the app nor its
    dependency (time-machine, the `demo` extra).
    """

    name = "demo"
    verbose_name = "Dữ liệu mẫu"
