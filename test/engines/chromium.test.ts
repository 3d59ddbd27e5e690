import { launch } from './chromium'
import { promiseSuite } from './promise'

promiseSuite('chromium', launch)
