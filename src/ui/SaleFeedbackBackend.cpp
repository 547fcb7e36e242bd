#include "ui/SaleFeedbackBackend.h"

SaleFeedbackBackend::~SaleFeedbackBackend() = default;
