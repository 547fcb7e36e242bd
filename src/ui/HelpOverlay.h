#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class HelpOverlay;
}

// F1: a card over the window listing every key. Any of F1, Esc or the button closes it.
class HelpOverlay final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpOverlay)

public:
    explicit HelpOverlay(QWidget *parent);
    ~HelpOverlay() override;

    void toggle();
    QString keysText() const;
    // What the About box says: the version (one number, from CMake) and Qt's.
    static QString aboutText();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void fillKeys();

    std::unique_ptr<Ui::HelpOverlay> m_ui;
};
