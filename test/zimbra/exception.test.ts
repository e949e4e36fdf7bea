import { describe, expect, it } from 'vitest'
import { readException } from '../../src/zimbra/exception.js'

describe('readException', () => {
  it('should read a ServiceException with its id, code and cause chain', () => {
    const e = readException([
      'com.zimbra.common.service.ServiceException: system failure: getting mailbox',
      'ExceptionId:qtp12-34:1709547662481:5f1c0b2a',
      'Code:service.FAILURE Arg:(id, IID, "12")',
      '\tat com.zimbra.common.service.ServiceException.FAILURE(ServiceException.java:295) ~[zimbracommon.jar:10.0.7_GA]',
      'Caused by: java.net.SocketTimeoutException: Read timed out',
      '\tat java.net.SocketInputStream.socketRead0(Native Method) ~[?:?]',
      '\t... 12 more',
    ])
    expect(e).toMatchObject({
      class: 'com.zimbra.common.service.ServiceException',
      message: 'system failure: getting mailbox',
      id: 'qtp12-34:1709547662481:5f1c0b2a',
      code: 'service.FAILURE',
      frames: [
        'com.zimbra.common.service.ServiceException.FAILURE(ServiceException.java:295) ~[zimbracommon.jar:10.0.7_GA]',
      ],
      causedBy: {
        class: 'java.net.SocketTimeoutException',
        message: 'Read timed out',
        frames: ['java.net.SocketInputStream.socketRead0(Native Method) ~[?:?]'],
      },
    })
  })
  it('should skip wrapped message text before the exception and take frames indented with spaces', () => {
    const e = readException([
      'more text of the message',
      'java.lang.NullPointerException',
      '        at a.B.c(B.java:1)',
    ])
    expect(e).toEqual({
      class: 'java.lang.NullPointerException',
      message: undefined,
      id: undefined,
      code: undefined,
      frames: ['a.B.c(B.java:1)'],
      causedBy: undefined,
    })
  })
  it('should keep a multi-line exception message', () => {
    expect(
      readException(['org.example.BadThing: line one', 'line two', '\tat a.B.c(B.java:1)'])?.message,
    ).toBe('line one\nline two')
  })
  it('should find no exception in XML or plain text', () => {
    expect(readException(['<SearchRequest xmlns="urn:zimbraMail">', '</SearchRequest>'])).toBeUndefined()
    expect(readException(['just.some.dotted.words'])).toBeUndefined()
  })
})
